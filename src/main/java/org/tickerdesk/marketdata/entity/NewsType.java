package org.tickerdesk.marketdata.entity;

/**
 * What a news item tells: ordinary news, or that an exchange is no longer available or available
 * again (IB's bulletin types 1, 2 and 3).
 */
public enum NewsType {
    REGULAR,
    EXCHANGE_UNAVAILABLE,
    EXCHANGE_AVAILABLE
}
