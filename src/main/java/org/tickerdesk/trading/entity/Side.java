package org.tickerdesk.trading.entity;

/** Whether an order buys or sells. */
public enum Side {
    BUY,
    SELL
}
