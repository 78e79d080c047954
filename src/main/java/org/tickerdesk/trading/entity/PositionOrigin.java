package org.tickerdesk.trading.entity;

/**
 * How a position came to be: opened from the admin or {@code POST /api/v1/positions}, by the fill
 * of an order placed directly, or adopted from a holding at the broker.
 */
public enum PositionOrigin {
    ADMIN,
    ORDER,
    ADOPTED
}
