package org.tickerdesk.ibkr.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * The reader never waits for the sink; a sink that falls behind gets each symbol's latest quote.
 */
class QuoteHandOffTest {

    private static Quote quote(String symbol, double last) {
        return new Quote(
                symbol,
                last - 0.01,
                last + 0.01,
                last,
                1,
                1,
                1,
                1,
                1_700_000_000_000_000L,
                MarketDataType.LIVE);
    }

    @Test
    void aStuckSinkDoesNotHoldTheReaderAndGetsTheLatestQuotePerSymbol() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Quote> delivered = new LinkedBlockingQueue<>();
        try (QuoteHandOff handOff =
                new QuoteHandOff(
                        Thread::new,
                        q -> {
                            awaitQuietly(release);
                            delivered.add(q);
                        })) {
            handOff.offer(quote("AAPL", 1));
            Thread.sleep(100);
            long start = System.nanoTime();
            for (int i = 2; i <= 10_000; i++) {
                handOff.offer(quote("AAPL", i));
                handOff.offer(quote("MSFT", i));
            }
            assertTrue(
                    System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5),
                    "offers never wait for the sink");
            assertEquals(2, handOff.backlog(), "one quote per symbol waits, no more");

            release.countDown();
            List<Double> lasts =
                    List.of(
                            delivered.poll(5, TimeUnit.SECONDS).last(),
                            delivered.poll(5, TimeUnit.SECONDS).last(),
                            delivered.poll(5, TimeUnit.SECONDS).last());
            assertEquals(List.of(1.0, 10_000.0, 10_000.0), lasts);
        }
    }

    @Test
    void aFailingSinkDoesNotStopDelivery() throws Exception {
        BlockingQueue<Quote> delivered = new LinkedBlockingQueue<>();
        try (QuoteHandOff handOff =
                new QuoteHandOff(
                        Thread::new,
                        q -> {
                            if (q.symbol().equals("BAD")) {
                                throw new IllegalStateException("a consumer broke");
                            }
                            delivered.add(q);
                        })) {
            handOff.offer(quote("BAD", 1));
            handOff.offer(quote("AAPL", 2));
            assertEquals("AAPL", delivered.poll(5, TimeUnit.SECONDS).symbol());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
