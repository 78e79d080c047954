package org.tickerdesk.trading.control;

import java.util.Objects;
import org.tickerdesk.trading.entity.ExitRules;

/**
 * One guarded position as the engine holds it: its watch over the rules, and where the {@link
 * TriggerIndex} files it. Only ever touched under its instrument's lock.
 */
final class Guard {

    final long positionId;
    final String symbol;
    final ExitRules rules;
    final String rulesJson;
    final ExitWatch watch;

    /** The broker the position is held at; null when not known. */
    final String broker;

    /** Whole units held when the rules were set: what a take-profit rung's fraction is of. */
    final double entered;

    /** Held now, signed: negative for a short. */
    double held;

    /** Where the index filed it: the stop and the wake level, each times the direction. */
    double stopKey = Double.NaN;

    double wakeKey = Double.NaN;

    /** A rule closing all of it fired: nothing more fires until it is reopened or closed. */
    boolean closing;

    Guard(long positionId, String symbol, ExitRules rules, ExitWatch watch, double entered) {
        this(positionId, symbol, rules, "", watch, entered);
    }

    Guard(
            long positionId,
            String symbol,
            ExitRules rules,
            String rulesJson,
            ExitWatch watch,
            double entered) {
        this(positionId, symbol, rules, rulesJson, watch, entered, null);
    }

    Guard(
            long positionId,
            String symbol,
            ExitRules rules,
            String rulesJson,
            ExitWatch watch,
            double entered,
            String broker) {
        this.positionId = positionId;
        this.broker = broker;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.entered = entered;
        this.rulesJson = rulesJson;
        this.held = watch.isLong() ? entered : -entered;
    }

    int direction() {
        return watch.isLong() ? 1 : -1;
    }
}
