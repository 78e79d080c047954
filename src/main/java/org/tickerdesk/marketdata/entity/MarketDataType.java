package org.tickerdesk.marketdata.entity;

/** How current a quote is, as the source delivered it (IBKR's market-data types). */
public enum MarketDataType {
    LIVE,
    FROZEN,
    DELAYED,
    DELAYED_FROZEN
}
