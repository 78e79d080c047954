package org.tickerdesk.trading.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.tickerdesk.trading.entity.ExitReason;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.ExitSignal;
import org.tickerdesk.trading.entity.RoiStep;
import org.tickerdesk.trading.entity.TakeProfitStep;

/**
 * Follows one position's prices and says which of its rules fire. On each price the stop as it
 * stood is checked first (a gap through it fires at the price that crossed it), and only then does
 * the price count as the position's best, raising a trailing or break-even stop for the next one;
 * take-profit rungs fire once each, several on one gap; time limit and ROI table also fire on the
 * clock alone ({@link #onClock}), for a quote that stopped moving. Once what fired adds up to the
 * whole position, nothing fires any more. Not thread-safe: one instrument's prices come in order.
 */
public final class ExitWatch {

    private final double entry;
    private final int direction;
    private final Instant openedAt;
    private final ExitRules rules;
    private final boolean[] rungTaken;
    private double taken;
    private double best;
    private double lastPrice = Double.NaN;

    /**
     * @param entry the average entry price
     * @param isLong a long position (bought); a short one sold first
     */
    public ExitWatch(double entry, boolean isLong, Instant openedAt, ExitRules rules) {
        if (!(Double.isFinite(entry) && entry > 0)) {
            throw new IllegalArgumentException("An entry price is positive: " + entry);
        }
        this.entry = entry;
        this.direction = isLong ? 1 : -1;
        this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.rungTaken = new boolean[rules.takeProfit().size()];
        this.best = entry;
    }

    /** The rules fired by a quote, in the order they fired; empty when none did. */
    public List<ExitSignal> onQuote(double last, double bid, double ask, Instant at) {
        double price = rules.triggerPrice().of(last, bid, ask, direction > 0);
        if (!Double.isFinite(price) || isDone()) {
            return List.of();
        }
        lastPrice = price;
        List<ExitSignal> fired = new ArrayList<>();
        Stop stop = stop();
        if (stop != null && direction * (price - stop.level()) <= 0) {
            fired.add(new ExitSignal(stop.reason(), 0, remaining(), stop.level(), price, at));
            taken = 1;
            return fired;
        }
        if (direction * (price - best) > 0) {
            best = price;
        }
        takeProfits(price, at, fired);
        timed(price, at, fired);
        return fired;
    }

    /** What the clock alone fires: the time limit, and the ROI table at the last price seen. */
    public List<ExitSignal> onClock(Instant now) {
        if (isDone()) {
            return List.of();
        }
        if (Double.isNaN(lastPrice)) {
            return timeLimit(Double.NaN, now);
        }
        List<ExitSignal> fired = new ArrayList<>();
        timed(lastPrice, now, fired);
        return fired;
    }

    /**
     * Picks up where an earlier watch of the same position stopped (before a restart or a change of
     * rules): the best price seen since the entry and the take-profit rungs that fired already.
     */
    public void resume(double bestSoFar, Collection<Integer> rungsFired) {
        if (Double.isFinite(bestSoFar) && direction * (bestSoFar - best) > 0) {
            best = bestSoFar;
        }
        for (int rung : rungsFired) {
            if (rung >= 1 && rung <= rungTaken.length && !rungTaken[rung - 1]) {
                rungTaken[rung - 1] = true;
                taken += rules.takeProfit().get(rung - 1).fraction();
            }
        }
    }

    /**
     * The nearest price, in the position's favour, at which a price changes something: a
     * take-profit rung, a break-even or trailing activation, a new best for an active trailing
     * stop, the ROI table's profit as it applies at {@code now}; NaN when no such price exists. A
     * price short of it (and short of the stop) leaves the watch as it was, which is what lets the
     * engine skip it.
     */
    public double wakeLevel(Instant now) {
        if (isDone()) {
            return Double.NaN;
        }
        double wake = Double.NaN;
        for (int i = 0; i < rungTaken.length; i++) {
            if (!rungTaken[i]) {
                wake = nearer(wake, rungLevel(i));
            }
        }
        if (rules.breakEvenPercent() != null && gainPercent(best) < rules.breakEvenPercent()) {
            wake = nearer(wake, priceAtGain(rules.breakEvenPercent()));
        }
        if (rules.trailing() != null) {
            Double activation = rules.trailing().activationPercent();
            wake =
                    nearer(
                            wake,
                            activation == null || gainPercent(best) >= activation
                                    ? best
                                    : priceAtGain(activation));
        }
        RoiStep roi = roiStep(now);
        if (roi != null) {
            wake = nearer(wake, priceAtGain(roi.minimumProfitPercent()));
        }
        return wake;
    }

    /** The nearest take-profit rung not yet taken, NaN when none is left. */
    public double targetLevel() {
        double target = Double.NaN;
        for (int i = 0; i < rungTaken.length; i++) {
            if (!rungTaken[i]) {
                target = nearer(target, rungLevel(i));
            }
        }
        return target;
    }

    public double entry() {
        return entry;
    }

    /** The best price seen since the entry: the highest for a long, the lowest for a short. */
    public double best() {
        return best;
    }

    public boolean isLong() {
        return direction > 0;
    }

    /** The stop as it stands, NaN when there is none. */
    public double stopLevel() {
        Stop stop = stop();
        return stop == null ? Double.NaN : stop.level();
    }

    /** Whether what fired closes the whole position. */
    public boolean isDone() {
        return taken >= 1 - 1e-9;
    }

    private record Stop(double level, ExitReason reason) {}

    /** The tightest of the stops that apply now: the one nearest the price. */
    private Stop stop() {
        Stop tightest = null;
        if (rules.stopLoss() != null) {
            tightest = new Stop(rules.stopLoss().level(entry, -direction), ExitReason.STOP_LOSS);
        }
        if (rules.breakEvenPercent() != null && gainPercent(best) >= rules.breakEvenPercent()) {
            tightest = tighter(tightest, new Stop(entry, ExitReason.BREAK_EVEN));
        }
        if (rules.trailing() != null
                && (rules.trailing().activationPercent() == null
                        || gainPercent(best) >= rules.trailing().activationPercent())) {
            double level = best - direction * rules.trailing().distance().from(best);
            tightest = tighter(tightest, new Stop(level, ExitReason.TRAILING_STOP));
        }
        return tightest;
    }

    private Stop tighter(Stop current, Stop candidate) {
        return current == null || direction * (candidate.level() - current.level()) > 0
                ? candidate
                : current;
    }

    private void takeProfits(double price, Instant at, List<ExitSignal> fired) {
        List<TakeProfitStep> ladder = rules.takeProfit();
        for (int i = 0; i < ladder.size(); i++) {
            if (rungTaken[i]) {
                continue;
            }
            double level = rungLevel(i);
            if (direction * (price - level) >= 0) {
                rungTaken[i] = true;
                double fraction = Math.min(ladder.get(i).fraction(), remaining());
                taken += fraction;
                fired.add(
                        new ExitSignal(ExitReason.TAKE_PROFIT, i + 1, fraction, level, price, at));
            }
        }
    }

    private void timed(double price, Instant at, List<ExitSignal> fired) {
        if (isDone()) {
            return;
        }
        List<ExitSignal> limit = timeLimit(price, at);
        if (!limit.isEmpty()) {
            fired.addAll(limit);
            return;
        }
        RoiStep applies = roiStep(at);
        if (applies != null && gainPercent(price) >= applies.minimumProfitPercent()) {
            fired.add(new ExitSignal(ExitReason.ROI, 0, remaining(), Double.NaN, price, at));
            taken = 1;
        }
    }

    private List<ExitSignal> timeLimit(double price, Instant at) {
        Duration limit = rules.timeLimit();
        if (limit == null || Duration.between(openedAt, at).compareTo(limit) < 0) {
            return List.of();
        }
        ExitSignal signal =
                new ExitSignal(ExitReason.TIME_LIMIT, 0, remaining(), Double.NaN, price, at);
        taken = 1;
        return List.of(signal);
    }

    /** The ROI table's row that applies at {@code at}, null when none does yet. */
    private RoiStep roiStep(Instant at) {
        long minutes = Duration.between(openedAt, at).toMinutes();
        RoiStep applies = null;
        for (RoiStep step : rules.roi()) {
            if (step.minutes() <= minutes) {
                applies = step;
            }
        }
        return applies;
    }

    private double rungLevel(int i) {
        return rules.takeProfit().get(i).gain().level(entry, direction);
    }

    private double priceAtGain(double percent) {
        return entry * (1 + direction * percent / 100);
    }

    /** The nearer of two levels in the position's favour; NaN stands for none. */
    private double nearer(double one, double other) {
        if (Double.isNaN(one)) {
            return other;
        }
        return direction * (other - one) < 0 ? other : one;
    }

    private double remaining() {
        return 1 - taken;
    }

    private double gainPercent(double price) {
        return direction * (price - entry) / entry * 100;
    }
}
