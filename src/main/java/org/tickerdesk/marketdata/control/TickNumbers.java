package org.tickerdesk.marketdata.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tickerdesk.marketdata.entity.NumberedQuote;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * The leader's count of each symbol's ticks within its term, from 1. A new term starts every count
 * again at 1: members number a stream by term and count, so a count carried over from an earlier
 * term would say nothing. A source delivers one symbol's ticks on one thread (the simulated
 * market's, TWS's reader), so a symbol's numbers follow the order the ticks are published in.
 */
final class TickNumbers {

    private record Term(long term, String leader, Map<String, AtomicLong> counts) {}

    private volatile Term current = new Term(0, "", Map.of());

    /** The tick with the next number of its symbol in the leader's term. */
    NumberedQuote next(Quote quote, long term, String leader) {
        Term counting = current;
        if (counting.term() != term || !counting.leader().equals(leader)) {
            counting = start(term, leader);
        }
        long sequence =
                counting.counts()
                        .computeIfAbsent(quote.symbol(), symbol -> new AtomicLong())
                        .incrementAndGet();
        return new NumberedQuote(quote, term, leader, sequence);
    }

    private synchronized Term start(long term, String leader) {
        if (current.term() != term || !current.leader().equals(leader)) {
            current = new Term(term, leader, new ConcurrentHashMap<>());
        }
        return current;
    }
}
