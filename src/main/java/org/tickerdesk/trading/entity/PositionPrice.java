package org.tickerdesk.trading.entity;

import java.time.Instant;

/**
 * A guarded position's price and unrealised P&amp;L as the exit engine holds them, with its stop
 * and next take-profit as they stand now (NaN when none): what the {@code positions} stream and the
 * Positions page show between two stored changes.
 */
public record PositionPrice(
        long positionId,
        String symbol,
        double price,
        double unrealizedPnl,
        double stopLevel,
        double targetLevel,
        Instant at) {}
