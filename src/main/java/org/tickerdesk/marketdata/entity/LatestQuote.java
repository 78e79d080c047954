package org.tickerdesk.marketdata.entity;

import java.util.Objects;

/**
 * A symbol's latest quote as it stands at one moment: how long ago its source produced it, and
 * whether that makes it stale. A stale quote is still the last price known, shown as such, never as
 * a current one.
 *
 * @param ageMillis milliseconds from the quote's source time to the moment it was read; a source
 *     clock ahead of Tickerdesk's counts as no age at all
 */
public record LatestQuote(Quote quote, boolean stale, long ageMillis) {

    public LatestQuote {
        Objects.requireNonNull(quote, "quote");
        if (ageMillis < 0) {
            throw new IllegalArgumentException("A quote's age cannot be negative: " + ageMillis);
        }
    }
}
