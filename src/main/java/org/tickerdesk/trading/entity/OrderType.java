package org.tickerdesk.trading.entity;

/** Market, limit, stop and stop-limit, spelt as the REST API and the database spell them. */
public enum OrderType {
    MKT,
    LMT,
    STP,
    STP_LMT;

    public boolean needsLimit() {
        return this == LMT || this == STP_LMT;
    }

    public boolean needsStop() {
        return this == STP || this == STP_LMT;
    }
}
