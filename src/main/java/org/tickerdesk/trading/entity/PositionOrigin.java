package org.tickerdesk.trading.entity;

/**
 * How a position came to be: opened from the admin or {@code POST /api/v1/positions}, by the fill
 * of an order placed directly, adopted from a holding at the broker, or copied from a followed
 * trader's trade (its book names the trader).
 */
public enum PositionOrigin {
    ADMIN,
    ORDER,
    ADOPTED,
    COPY
}
