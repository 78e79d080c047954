package org.tickerdesk.marketdata.entity;

import java.util.Objects;

/**
 * A tick as a cluster numbers it: the leading member gives each of its source's ticks the term it
 * leads in and the next number of the tick's symbol within that term, and every member, the leader
 * too, passes the tick on with them. The same tick therefore carries the same numbers on every
 * member, and a stream numbered by them means the same on each. Fired only in a cluster, beside the
 * tick's {@link Quote} event.
 *
 * @param quote the tick
 * @param term the leader's term, which grows with every takeover
 * @param leader the leading member's UUID, which tells apart two clusters whose terms restarted
 * @param sequence the symbol's ticks within the term, from 1, without a gap at the leader
 */
public record NumberedQuote(Quote quote, long term, String leader, long sequence) {

    public NumberedQuote {
        Objects.requireNonNull(quote, "quote");
        if (leader == null || leader.isBlank()) {
            throw new IllegalArgumentException("A numbered tick names the member that leads");
        }
        if (term < 1) {
            throw new IllegalArgumentException("A term counts from 1, not " + term);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException(
                    "A tick's number in its term counts from 1, not " + sequence);
        }
    }
}
