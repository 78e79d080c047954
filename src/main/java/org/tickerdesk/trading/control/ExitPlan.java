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
 * made without them, which is committed the long way. {@code broker} is the broker the position is
 * held at, as the engine knows it: its exit's order goes there when it is the paper broker ({@link
 * OrderDesk#brokerFor}); a plan that does not say is committed the long way, which reads it.
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
        BigDecimal held,
        String broker) {

    /** A plan with the engine's view of the position but not its broker. */
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
            long tickNanos,
            String symbol,
            BigDecimal held) {
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
                symbol,
                held,
                null);
    }

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
                null,
                null);
    }
}
