package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import java.time.Instant;
import org.tickerdesk.trading.entity.OrderType;

/**
 * An exit the engine decided on, not yet committed: which position, which rule (its key), how much,
 * with which order, and the tick that fired it ({@code tickNanos}: when the engine saw it, on
 * {@link System#nanoTime}'s clock, for the tick-to-order time). {@code symbol} and {@code held}
 * (signed) are the position as the engine knows it, when it does: an exit whose position the
 * database still holds so is committed in one statement ({@link ExitStatement}); null for a plan
 * made without them, which is committed the long way.
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
        long tickNanos,
        String symbol,
        BigDecimal held) {

    /** A plan made without the engine's view of the position. */
    public ExitPlan(
            long positionId,
            String rule,
            boolean closesAll,
            BigDecimal quantity,
            OrderType orderType,
            BigDecimal limitPrice,
            BigDecimal triggerLevel,
            BigDecimal triggerPrice,
            Instant tickAt,
            long tickNanos) {
        this(
                positionId,
                rule,
                closesAll,
                quantity,
                orderType,
                limitPrice,
                triggerLevel,
                triggerPrice,
                tickAt,
                tickNanos,
                null,
                null);
    }
}
