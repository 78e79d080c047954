package org.tickerdesk.platform.entity;

import java.util.Objects;

/**
 * What this server is configured to stand on: where its market data comes from and where its orders
 * go. IBKR is used when either of them is IBKR.
 */
public record Upstream(SourceName source, BrokerName broker) {

    /** What to tell whoever asks for something only IBKR offers. */
    public static final String IBKR_NOT_USED =
            "IBKR is not used here: set TICKERDESK_SOURCE=ibkr or TICKERDESK_TRADING=ibkr";

    public Upstream {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(broker, "broker");
    }

    public boolean usesIbkr() {
        return source == SourceName.IBKR || broker == BrokerName.IBKR;
    }
}
