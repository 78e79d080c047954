package org.tickerdesk.instruments.entity;

/** What sort of contract an instrument is; every kind but a stock expires. */
public enum InstrumentKind {
    STOCK,
    FUTURE,
    OPTION,
    EVENT;

    public boolean expires() {
        return this != STOCK;
    }
}
