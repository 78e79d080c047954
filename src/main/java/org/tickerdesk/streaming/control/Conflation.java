package org.tickerdesk.streaming.control;

import java.time.Clock;
import java.util.Objects;
import org.tickerdesk.streaming.entity.MaxRate;

/**
 * Delivers one concrete stream to one client at most at a rate: a message goes out at once if the
 * last one went at least an interval ago; otherwise it waits, replacing any message waiting before
 * it, and goes when the interval is over. So the client gets at most the rate, each message the
 * latest of its period, and the last value of a busy period is never held back longer than one
 * interval. Every message keeps its own offset; the offsets of the messages replaced are skipped.
 */
final class Conflation implements Delivery {

    private final ClientConnection client;
    private final long intervalMillis;
    private final Clock clock;
    private final Scheduler scheduler;

    private long nextAllowedMillis = Long.MIN_VALUE;
    private String waiting;
    private boolean scheduled;
    private boolean stopped;

    Conflation(ClientConnection client, MaxRate rate, Clock clock, Scheduler scheduler) {
        this.client = Objects.requireNonNull(client, "client");
        this.intervalMillis = rate.intervalMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public synchronized void offer(String message) {
        if (stopped) {
            return;
        }
        long now = clock.millis();
        if (waiting == null && now >= nextAllowedMillis) {
            send(message, now);
            return;
        }
        waiting = message;
        if (!scheduled) {
            scheduled = true;
            scheduler.schedule(this::flush, Math.max(0, nextAllowedMillis - now));
        }
    }

    /** Sends what waits, unless the interval is not over yet (a timer may fire a little early). */
    private synchronized void flush() {
        scheduled = false;
        if (stopped || waiting == null) {
            return;
        }
        long now = clock.millis();
        if (now < nextAllowedMillis) {
            scheduled = true;
            scheduler.schedule(this::flush, nextAllowedMillis - now);
            return;
        }
        String message = waiting;
        waiting = null;
        send(message, now);
    }

    private void send(String message, long now) {
        client.send(message);
        nextAllowedMillis = now + intervalMillis;
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        waiting = null;
    }
}
