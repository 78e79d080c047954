package org.tickerdesk.ibkr.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.session.Reconnector;

/**
 * Keeps historical-data requests within IB's pacing limits: no more than 60 in any ten minutes,
 * none identical to one made in the last 15 s, at most six for the same contract, exchange and
 * series in any 2 s, BID_ASK counting double, and at most 50 open at once. After a pacing violation
 * (error 162) it admits nothing for a pause that doubles with each further violation.
 *
 * <p>The same-series limit is issue 3's "at most 6 within 2 s". IB's own page words it as "six or
 * more" being a violation, one fewer; where the two disagree the issue wins, and should IB answer
 * the sixth with 162 the cost is a pause and a retry, not a failed request. Callers take a {@link
 * Permit} and give it back when the answer or an error arrives. Time comes from the clock and waits
 * go through the sleeper, so a test drives it with a fake clock.
 */
public final class PacingGate {

    public static final int WINDOW_LIMIT = 60;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    public static final Duration IDENTICAL_GAP = Duration.ofSeconds(15);
    public static final int SAME_SERIES_LIMIT = 6;
    public static final Duration SAME_SERIES_WINDOW = Duration.ofSeconds(2);
    public static final int MAX_OPEN = 50;

    /** An admitted request, to hand back with {@link #release} or {@link #violated}. */
    public record Permit(HistoricalDataRequest request, Instant admitted) {}

    private record Sent(Instant at, HistoricalDataRequest request, int weight) {}

    private final Clock clock;
    private final Reconnector.Sleeper sleeper;
    private final Duration firstPause;
    private final Duration maxPause;
    private final Deque<Sent> sent = new ArrayDeque<>();
    private final Set<Permit> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private Instant pausedUntil = Instant.MIN;
    private int violations;

    public PacingGate(
            Clock clock, Reconnector.Sleeper sleeper, Duration firstPause, Duration maxPause) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
    }

    /** The system clock; 15 s pause after a violation, doubling up to the ten-minute window. */
    public static PacingGate standard() {
        return new PacingGate(
                Clock.systemUTC(), wait -> Thread.sleep(wait.toMillis()), IDENTICAL_GAP, WINDOW);
    }

    /** How long until the time rules admit this request; zero when they admit it now. */
    public synchronized Duration waitNeeded(HistoricalDataRequest request) {
        Instant now = clock.instant();
        return Duration.between(now, earliest(request, now));
    }

    /** Admits the request now if every rule allows it. */
    public synchronized Optional<Permit> tryAcquire(HistoricalDataRequest request) {
        Instant now = clock.instant();
        if (open.size() >= MAX_OPEN || earliest(request, now).isAfter(now)) {
            return Optional.empty();
        }
        Permit permit = new Permit(request, now);
        sent.addLast(new Sent(now, request, weight(request)));
        open.add(permit);
        return Optional.of(permit);
    }

    /**
     * Waits until the request may go, for at most {@code maxWait}; fails at once, without waiting,
     * when the rules cannot admit it in that time.
     */
    public Permit acquire(HistoricalDataRequest request, Duration maxWait)
            throws InterruptedException, TimeoutException {
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            Duration wait;
            synchronized (this) {
                Optional<Permit> permit = tryAcquire(request);
                if (permit.isPresent()) {
                    return permit.get();
                }
                Instant now = clock.instant();
                if (open.size() >= MAX_OPEN) {
                    long left = Duration.between(now, deadline).toMillis();
                    if (left <= 0) {
                        throw new TimeoutException(
                                MAX_OPEN + " historical requests are still open at IB");
                    }
                    wait(left);
                    continue;
                }
                wait = Duration.between(now, earliest(request, now));
                if (now.plus(wait).isAfter(deadline)) {
                    throw new TimeoutException(
                            "IB's pacing admits this historical request in "
                                    + wait.toSeconds()
                                    + " s, beyond the "
                                    + maxWait.toSeconds()
                                    + " s allowed");
                }
            }
            sleeper.sleep(wait);
        }
    }

    /** The answer (or a final error) arrived. */
    public synchronized void release(Permit permit) {
        if (open.remove(permit)) {
            violations = 0;
            notifyAll();
        }
    }

    /**
     * IB answered with a pacing violation: nothing goes out for a while, longer each time in a row.
     */
    public synchronized void violated(Permit permit) {
        open.remove(permit);
        violations++;
        Duration pause = firstPause.multipliedBy(1L << Math.min(violations - 1, 20));
        pausedUntil = clock.instant().plus(pause.compareTo(maxPause) > 0 ? maxPause : pause);
        notifyAll();
    }

    public synchronized PacingBudget budget() {
        Instant now = clock.instant();
        prune(now);
        int used = sent.stream().mapToInt(Sent::weight).sum();
        Instant next = later(free(now, s -> true, WINDOW, WINDOW_LIMIT - 1), pausedUntil);
        return new PacingBudget(
                now,
                used,
                Math.max(0, WINDOW_LIMIT - used),
                open.size(),
                MAX_OPEN - open.size(),
                next,
                pausedUntil.isAfter(now) ? pausedUntil : null);
    }

    private Instant earliest(HistoricalDataRequest request, Instant now) {
        prune(now);
        int weight = weight(request);
        Instant earliest = later(now, pausedUntil);
        for (Sent s : sent) {
            if (s.request().equals(request)) {
                earliest = later(earliest, s.at().plus(IDENTICAL_GAP));
            }
        }
        earliest =
                later(
                        earliest,
                        free(
                                now,
                                s -> sameSeries(s.request(), request),
                                SAME_SERIES_WINDOW,
                                SAME_SERIES_LIMIT - weight));
        return later(earliest, free(now, s -> true, WINDOW, WINDOW_LIMIT - weight));
    }

    /**
     * The first moment at which the matching requests of the last {@code window} weigh at most
     * {@code allowance}.
     */
    private Instant free(Instant now, Predicate<Sent> matching, Duration window, int allowance) {
        int total = 0;
        for (Sent s : sent) {
            if (matching.test(s) && s.at().plus(window).isAfter(now)) {
                total += s.weight();
            }
        }
        Instant free = now;
        for (Sent s : sent) {
            if (total <= allowance) {
                break;
            }
            if (matching.test(s) && s.at().plus(window).isAfter(now)) {
                total -= s.weight();
                free = s.at().plus(window);
            }
        }
        return free;
    }

    private static boolean sameSeries(HistoricalDataRequest a, HistoricalDataRequest b) {
        return a.contract().equals(b.contract()) && a.whatToShow() == b.whatToShow();
    }

    private void prune(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().at().plus(WINDOW).isAfter(now)) {
            sent.removeFirst();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** IB counts a BID_ASK request twice against its historical pacing limits. */
    private static int weight(HistoricalDataRequest request) {
        return request.whatToShow() == WhatToShow.BID_ASK ? 2 : 1;
    }
}
