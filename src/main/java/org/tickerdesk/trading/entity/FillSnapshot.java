package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution as it stands: commission and its currency are null until the broker reports them.
 */
public record FillSnapshot(
        String execId,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal commission,
        String commissionCurrency,
        Instant time) {

    public FillSnapshot {
        quantity = OrderSnapshot.plain(quantity);
        price = OrderSnapshot.plain(price);
        commission = OrderSnapshot.plain(commission);
    }
}
