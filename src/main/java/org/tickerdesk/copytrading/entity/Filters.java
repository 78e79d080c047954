package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a trader's trades are copied at all, each optional (empty or null: no filter): symbols
 * allowed (when not empty, only these) and denied; the smallest and the largest copied trade, in
 * money (the copy's quantity at the price it expects, as its caps); how old a trade may be when it
 * arrives or waits; and how far, in percent of the leader's price, the price may have moved since.
 */
public record Filters(
        Set<String> allowed,
        Set<String> denied,
        BigDecimal minTradeSize,
        BigDecimal maxTradeSize,
        Duration maxDelay,
        BigDecimal maxPriceDeviationPercent) {

    public static final Filters NONE = new Filters(Set.of(), Set.of(), null, null, null, null);

    public Filters {
        allowed = Set.copyOf(Objects.requireNonNull(allowed, "allowed"));
        denied = Set.copyOf(Objects.requireNonNull(denied, "denied"));
        if (minTradeSize != null && minTradeSize.signum() < 0) {
            throw new IllegalArgumentException(
                    "minTradeSize must not be negative, not " + minTradeSize);
        }
        if (maxTradeSize != null && maxTradeSize.signum() <= 0) {
            throw new IllegalArgumentException(
                    "maxTradeSize must be above zero, not " + maxTradeSize);
        }
        if (minTradeSize != null
                && maxTradeSize != null
                && minTradeSize.compareTo(maxTradeSize) > 0) {
            throw new IllegalArgumentException(
                    "minTradeSize " + minTradeSize + " is above maxTradeSize " + maxTradeSize);
        }
        if (maxDelay != null && (maxDelay.isNegative() || maxDelay.isZero())) {
            throw new IllegalArgumentException("maxDelay must be above zero, not " + maxDelay);
        }
        if (maxPriceDeviationPercent != null && maxPriceDeviationPercent.signum() <= 0) {
            throw new IllegalArgumentException(
                    "maxPriceDeviationPercent must be above zero, not " + maxPriceDeviationPercent);
        }
    }
}
