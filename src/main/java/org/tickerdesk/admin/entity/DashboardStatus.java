package org.tickerdesk.admin.entity;

import java.util.List;
import java.util.Objects;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.trading.entity.BrokerStatus;

/**
 * Everything the dashboard shows above its quote tiles at one moment: the broker banner and the
 * status cards in their order. Two equal snapshots look the same on every page.
 */
public record DashboardStatus(BrokerStatus broker, List<StatusCard> cards) {

    public DashboardStatus {
        Objects.requireNonNull(broker, "broker");
        cards = List.copyOf(cards);
    }
}
