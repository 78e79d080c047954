package org.tickerdesk.trading.entity;

/**
 * How long an order that does not fill at once stays working: the trading day, or until cancelled.
 */
public enum TimeInForce {
    DAY,
    GTC
}
