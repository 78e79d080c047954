package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import java.time.Instant;
import org.tickerdesk.trading.entity.OrderType;

/**
 * An exit the engine decided on, not yet committed: which position, which rule (its key), how much,
 * with which order, and the tick that fired it ({@code tickNanos}: when the engine saw it, on
 * {@link System#nanoTime}'s clock, for the tick-to-order time).
 */
public record ExitPlan(
        long positionId,
        String rule,
        boolean closesAll,
        BigDecimal quantity,
        OrderType orderType,
        BigDecimal limitPrice,
        BigDecimal triggerLevel,
        BigDecimal triggerPrice,
        Instant tickAt,
        long tickNanos) {}
