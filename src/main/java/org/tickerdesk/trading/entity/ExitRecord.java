package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.time.Instant;

/** A position's exit as stored: the rule that fired, its order and how it went. */
public record ExitRecord(
        String rule,
        int attempt,
        String clientOrderId,
        ExitState state,
        BigDecimal quantity,
        BigDecimal filledQuantity,
        OrderType orderType,
        BigDecimal limitPrice,
        BigDecimal triggerLevel,
        BigDecimal triggerPrice,
        Instant tickAt,
        Instant triggeredAt,
        Instant sentAt,
        Long tickToOrderMicros,
        BigDecimal fillPrice,
        BigDecimal slippage,
        String reason) {}
