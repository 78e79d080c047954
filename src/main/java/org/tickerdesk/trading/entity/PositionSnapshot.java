package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position as it was stored, for REST, the pages and CDI observers. {@code rules} is the exit
 * rules' JSON; {@code quantity} is signed; {@code protection} the OCA group of its orders resting
 * at the broker, null when none ever did.
 */
public record PositionSnapshot(
        long id,
        String symbol,
        String account,
        String broker,
        PositionOrigin origin,
        PositionState state,
        Side side,
        String entryOrderId,
        BigDecimal orderedQuantity,
        BigDecimal quantity,
        BigDecimal averagePrice,
        BigDecimal currentPrice,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal fees,
        BigDecimal bestPrice,
        String rules,
        String reason,
        Instant openedAt,
        Instant closedAt,
        Instant createdAt,
        Instant updatedAt,
        String protection) {}
