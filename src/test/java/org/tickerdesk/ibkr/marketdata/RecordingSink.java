package org.tickerdesk.ibkr.marketdata;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.tickerdesk.marketdata.control.MarketDataSink;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SourceStatus;

/** Keeps the quotes and status changes a source delivers so tests can wait for one. */
final class RecordingSink implements MarketDataSink {

    final BlockingQueue<Quote> quotes = new LinkedBlockingQueue<>();
    final BlockingQueue<SourceStatus> statuses = new LinkedBlockingQueue<>();

    @Override
    public void onQuote(Quote quote) {
        quotes.add(quote);
    }

    @Override
    public void onStatus(SourceStatus status) {
        statuses.add(status);
    }

    Quote awaitQuote(Predicate<Quote> condition) throws InterruptedException {
        return await(quotes, condition, "quote");
    }

    SourceStatus awaitStatus(Predicate<SourceStatus> condition) throws InterruptedException {
        return await(statuses, condition, "status");
    }

    private static <T> T await(BlockingQueue<T> queue, Predicate<T> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            T item = queue.poll(50, TimeUnit.MILLISECONDS);
            if (item != null && condition.test(item)) {
                return item;
            }
        }
        throw new AssertionError("No matching " + what + " within 5 s");
    }
}
