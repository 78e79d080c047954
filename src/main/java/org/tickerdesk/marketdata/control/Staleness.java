package org.tickerdesk.marketdata.control;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.tickerdesk.marketdata.entity.LatestQuote;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * When a quote is stale: once its source time is {@code tickerdesk.marketdata.stale-seconds} or
 * more behind the clock. It is judged by the quote's own time, never by whether a store still holds
 * it, so a quote kept long after its symbol stopped ticking can never pass for a fresh price.
 */
public final class Staleness {

    public static final int DEFAULT_SECONDS = 60;
    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 3600;

    private final int seconds;
    private final long limitMicros;
    private final Clock clock;

    public Staleness(int seconds, Clock clock) {
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(
                    "tickerdesk.marketdata.stale-seconds must be from "
                            + MIN_SECONDS
                            + " to "
                            + MAX_SECONDS
                            + ", not "
                            + seconds);
        }
        this.seconds = seconds;
        this.limitMicros = seconds * 1_000_000L;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public int seconds() {
        return seconds;
    }

    public boolean isStale(Quote quote) {
        return ageMicros(quote, clock.instant()) >= limitMicros;
    }

    /** The quote with its age and staleness as of now. */
    public LatestQuote judge(Quote quote) {
        long age = ageMicros(quote, clock.instant());
        return new LatestQuote(quote, age >= limitMicros, age / 1000);
    }

    private static long ageMicros(Quote quote, Instant now) {
        long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        return Math.max(0, nowMicros - quote.timestampMicros());
    }
}
