package org.tickerdesk.trading.entity;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rules that close one position, each optional: a stop-loss below the entry of a long (above
 * that of a short), a move of the stop to the entry once the position has gained {@code
 * breakEvenPercent}, a trailing stop, a ladder of take-profits (their fractions add up to at most
 * the whole position), a time limit and a ROI table, the price they watch, the order that closes
 * and, for an IBKR position, what rests at the broker.
 */
public record ExitRules(
        Offset stopLoss,
        Double breakEvenPercent,
        Trailing trailing,
        List<TakeProfitStep> takeProfit,
        Duration timeLimit,
        List<RoiStep> roi,
        TriggerPrice triggerPrice,
        ExitOrder exitOrder,
        BrokerProtection protection) {

    /** No rule at all: the position is shown but nothing closes it. */
    public static final ExitRules NONE =
            new ExitRules(null, null, null, List.of(), null, List.of(), TriggerPrice.LAST);

    /** Rules closing at market, with nothing resting at the broker. */
    public ExitRules(
            Offset stopLoss,
            Double breakEvenPercent,
            Trailing trailing,
            List<TakeProfitStep> takeProfit,
            Duration timeLimit,
            List<RoiStep> roi,
            TriggerPrice triggerPrice) {
        this(
                stopLoss,
                breakEvenPercent,
                trailing,
                takeProfit,
                timeLimit,
                roi,
                triggerPrice,
                ExitOrder.MARKET,
                BrokerProtection.NONE);
    }

    public ExitRules {
        takeProfit = List.copyOf(Objects.requireNonNull(takeProfit, "takeProfit"));
        roi =
                Objects.requireNonNull(roi, "roi").stream()
                        .sorted(Comparator.comparingLong(RoiStep::minutes))
                        .toList();
        Objects.requireNonNull(triggerPrice, "triggerPrice");
        Objects.requireNonNull(exitOrder, "exitOrder");
        Objects.requireNonNull(protection, "protection");
        if (protection != BrokerProtection.NONE && stopLoss == null) {
            throw new IllegalArgumentException("Protection at the broker needs a stop-loss");
        }
        if (protection == BrokerProtection.OCA && takeProfit.size() != 1) {
            throw new IllegalArgumentException(
                    "An OCA bracket at the broker needs exactly one take-profit");
        }
        if (breakEvenPercent != null
                && !(Double.isFinite(breakEvenPercent) && breakEvenPercent > 0)) {
            throw new IllegalArgumentException(
                    "Break-even moves the stop after a gain above zero: " + breakEvenPercent);
        }
        double total = takeProfit.stream().mapToDouble(TakeProfitStep::fraction).sum();
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException(
                    "The take-profit ladder closes more than the whole position: " + total);
        }
        if (timeLimit != null && (timeLimit.isZero() || timeLimit.isNegative())) {
            throw new IllegalArgumentException("A time limit is longer than zero: " + timeLimit);
        }
        if (roi.stream().map(RoiStep::minutes).distinct().count() != roi.size()) {
            throw new IllegalArgumentException("A ROI table names each minute once");
        }
    }

    /**
     * The rules the server watches itself: without what rests at the broker (the stop-loss, and
     * with an OCA bracket the take-profit too), so that the two never both sell.
     */
    public ExitRules serverSide() {
        return switch (protection) {
            case NONE -> this;
            case STOP ->
                    new ExitRules(
                            null,
                            breakEvenPercent,
                            trailing,
                            takeProfit,
                            timeLimit,
                            roi,
                            triggerPrice,
                            exitOrder,
                            BrokerProtection.NONE);
            case OCA ->
                    new ExitRules(
                            null,
                            breakEvenPercent,
                            trailing,
                            List.of(),
                            timeLimit,
                            roi,
                            triggerPrice,
                            exitOrder,
                            BrokerProtection.NONE);
        };
    }
}
