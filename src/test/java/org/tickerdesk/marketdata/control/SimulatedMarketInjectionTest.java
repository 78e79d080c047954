package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.control.SimulatedMarketTest.Recorder;
import org.tickerdesk.marketdata.entity.InjectedQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SimulatedTick;

/**
 * Specification of driving the simulated market from outside: an injected tick reaches the sink as
 * a generated one does, in order; a hold stops the symbol's walk right after the tick; released, it
 * walks on from the injected price.
 */
class SimulatedMarketInjectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ThreadFactory THREADS =
            task -> {
                Thread thread = new Thread(task, "simulated-market-injection-test");
                thread.setDaemon(true);
                return thread;
            };

    private final SimulatedMarket market = new SimulatedMarket(7, 2000, THREADS);
    private final Recorder sink = new Recorder();

    @BeforeEach
    void start() {
        market.subscribe(SimulatedMarketTest.AAPL);
        market.subscribe(SimulatedMarketTest.MSFT);
        market.start(sink);
        await(() -> sink.count("AAPL") > 20);
    }

    @AfterEach
    void close() {
        market.close();
    }

    @Test
    void aHeldTickIsTheLastQuoteOfItsSymbolUntilReleasedAndTheWalkGoesOnFromIt() throws Exception {
        SimulatedTick tick = new SimulatedTick("AAPL", 180.0, 179.99, 180.01, 300, true);

        List<InjectedQuote> injected = get(market.inject(List.of(tick)));

        Quote quote = injected.get(0).quote();
        assertTrue(injected.get(0).held());
        assertEquals(180.0, quote.last());
        int count = sink.count("AAPL");
        assertEquals(quote, sink.quotes("AAPL").get(count - 1), "delivered to the sink");
        int msft = sink.count("MSFT");
        await(() -> sink.count("MSFT") > msft + 100);
        assertEquals(count, sink.count("AAPL"), "nothing after the held tick");

        assertTrue(get(market.release("AAPL")));
        await(() -> sink.count("AAPL") > count + 10);
        Quote next = sink.quotes("AAPL").get(count);
        // One step at 180 moves about 0.02 and the spread is at most 0.04; far from where AAPL was.
        assertTrue(Math.abs(next.last() - 180.0) <= 0.5, "on from 180: " + next);
    }

    @Test
    void ticksOfOneRequestArriveInOrderOneRightAfterTheOther() throws Exception {
        get(
                market.inject(
                        List.of(
                                new SimulatedTick("AAPL", 200, Double.NaN, Double.NaN, 0, true),
                                SimulatedTick.at("AAPL", 201),
                                SimulatedTick.at("AAPL", 202))));

        List<Quote> quotes = sink.quotes("AAPL");
        int n = quotes.size();
        assertEquals(
                List.of(200.0, 201.0, 202.0),
                quotes.subList(n - 3, n).stream().map(Quote::last).toList());
    }

    @Test
    void aScriptedWalkStandsStillUntilTheScriptEndsUnlessHeld() throws Exception {
        Quote standing = get(market.script("AAPL", true));
        int count = sink.count("AAPL");
        assertEquals(standing.last(), sink.quotes("AAPL").get(count - 1).last());
        int msft = sink.count("MSFT");
        await(() -> sink.count("MSFT") > msft + 100);
        assertEquals(count, sink.count("AAPL"));

        get(market.script("AAPL", false));
        await(() -> sink.count("AAPL") > count + 10);
    }

    @Test
    void aSymbolNotStreamedIsRefusedAndNothingIsSent() {
        ExecutionException e =
                assertThrows(
                        ExecutionException.class,
                        () -> get(market.inject(List.of(SimulatedTick.at("NOPE", 1)))));
        assertInstanceOf(NotASimulatedSymbolException.class, e.getCause());
        assertEquals(0, sink.count("NOPE"));
        assertFalse(market.served("NOPE").isPresent());
        assertEquals(SimulatedMarketTest.AAPL, market.served("AAPL").orElseThrow());
    }

    @Test
    void aClosedMarketRefusesAtOnce() {
        market.close();
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> get(market.release("AAPL")));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + PATIENCE);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
