package org.tickerdesk.marketdata.control;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a recurring failure at most once per interval, saying how many went unlogged since, so that
 * a sink failing on every one of fifty thousand ticks a second cannot flood the log. Used by one
 * thread.
 */
final class ThrottledWarning {

    private final Logger log;
    private final String message;
    private final long intervalNanos;
    private long lastLoggedNanos;
    private long unlogged;
    private boolean everLogged;

    ThrottledWarning(Logger log, String message, long interval, TimeUnit unit) {
        this.log = log;
        this.message = message;
        this.intervalNanos = unit.toNanos(interval);
    }

    void record(Throwable failure) {
        long now = System.nanoTime();
        if (everLogged && now - lastLoggedNanos < intervalNanos) {
            unlogged++;
            return;
        }
        String text =
                unlogged == 0
                        ? message
                        : message + " (" + unlogged + " more since the last report)";
        log.log(Level.WARNING, text, failure);
        everLogged = true;
        lastLoggedNanos = now;
        unlogged = 0;
    }
}
