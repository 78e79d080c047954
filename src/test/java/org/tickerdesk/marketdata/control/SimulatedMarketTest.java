package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SourceStatus;
import org.tickerdesk.marketdata.entity.SourceStatus.State;

/**
 * Specification of the simulated market-data source: its lifecycle, its pacing, and that each
 * symbol's quotes are its own deterministic walk whatever else is subscribed.
 */
class SimulatedMarketTest {

    static final Contract AAPL = PriceWalkTest.AAPL;
    static final Contract MSFT = Contract.stock("MSFT", "NASDAQ");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadFactory threadFactory =
            task -> {
                Thread thread = new Thread(task, "simulated-market-test");
                thread.setDaemon(true);
                threads.add(thread);
                return thread;
            };
    private final List<SimulatedMarket> markets = new ArrayList<>();

    @AfterEach
    void closeMarkets() {
        markets.forEach(SimulatedMarket::close);
    }

    @Test
    void itIsSelectedByTheNameSimulated() {
        assertEquals("simulated", market(1, 100).name());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aRateThatIsNotPositiveAndFiniteIsRejected(double rate) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new SimulatedMarket(1, rate, threadFactory));
        assertTrue(e.getMessage().contains("ticks per second"), e.getMessage());
    }

    @Test
    void itSaysConnectedOnStartAndStoppedOnceOnClose() {
        SimulatedMarket market = market(1, 1000);
        Recorder sink = new Recorder();
        market.start(sink);
        await(() -> !sink.statuses.isEmpty());
        assertEquals(State.CONNECTED, sink.statuses.get(0).state());
        assertEquals("simulated", sink.statuses.get(0).source());

        market.close();
        market.close();

        assertEquals(
                List.of(State.CONNECTED, State.STOPPED),
                sink.statuses.stream().map(SourceStatus::state).toList());
        assertFalse(threads.get(0).isAlive(), "the generator thread has ended");
    }

    @Test
    void quotesAreLiveAndStampedWithTheWallClockInMicroseconds() {
        Recorder sink = started(market(1, 1000), sink());
        long before = nowMicros();
        await(() -> sink.count("AAPL") >= 10);
        for (Quote q : sink.quotes("AAPL")) {
            assertEquals(MarketDataType.LIVE, q.type());
            assertTrue(
                    q.timestampMicros() >= before - 1_000_000 && q.timestampMicros() <= nowMicros(),
                    q::toString);
        }
    }

    @Test
    void eachSymbolGetsItsOwnWalkWhateverElseIsSubscribed() {
        Recorder alone = sink();
        SimulatedMarket one = market(42, 20_000);
        one.subscribe(AAPL);
        one.start(alone);

        Recorder crowded = sink();
        SimulatedMarket many = market(42, 20_000);
        many.start(crowded);
        for (Contract contract : List.of(MSFT, PriceWalkTest.ES, AAPL, PriceWalkTest.EVENT, AAPL)) {
            many.subscribe(contract);
        }

        await(() -> alone.count("AAPL") >= 300 && crowded.count("AAPL") >= 300);
        List<Quote> expected = untimed(PriceWalkTest.walk(42, AAPL, 300));
        assertEquals(expected, untimed(alone.quotes("AAPL").subList(0, 300)));
        assertEquals(expected, untimed(crowded.quotes("AAPL").subList(0, 300)));
    }

    @Test
    void anotherSeedGivesAnotherMarket() {
        Recorder first = started(market(42, 5_000), sink());
        Recorder second = started(market(43, 5_000), sink());
        await(() -> first.count("AAPL") >= 50 && second.count("AAPL") >= 50);
        assertNotEquals(
                untimed(first.quotes("AAPL").subList(0, 50)),
                untimed(second.quotes("AAPL").subList(0, 50)));
    }

    @Test
    void theTotalRateIsRoughlyHonoured() throws InterruptedException {
        SimulatedMarket market = market(1, 2000);
        Recorder sink = new Recorder();
        market.subscribe(AAPL);
        market.subscribe(MSFT);
        market.subscribe(PriceWalkTest.ES);
        market.start(sink);
        Thread.sleep(1000);
        market.close();
        long ticks = sink.total.get();
        assertTrue(ticks >= 1000 && ticks <= 3000, "2000 ticks/s for about a second gave " + ticks);
        assertTrue(
                sink.count("AAPL") > ticks / 5 && sink.count("MSFT") > ticks / 5,
                "the rate is shared");
    }

    @Test
    void aNewSubscriptionIsQuotedAtOnceWhateverTheRate() {
        SimulatedMarket market = market(1, 0.01);
        Recorder sink = new Recorder();
        market.start(sink);
        market.subscribe(AAPL);
        market.subscribe(MSFT);
        await(() -> sink.count("AAPL") == 1 && sink.count("MSFT") == 1);
    }

    @Test
    void aRateBelowOnePerSecondSpacesTicksSecondsApart() {
        SimulatedMarket market = market(1, 0.8);
        Recorder sink = new Recorder();
        long start = System.nanoTime();
        market.start(sink);
        market.subscribe(AAPL);
        await(() -> sink.count("AAPL") == 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(
                seconds >= 1.0,
                "at 0.8 ticks/s the first paced tick is due after 1.25 s, came after " + seconds);
    }

    @Test
    void timeWithNothingSubscribedIsNotMadeUpInABurst() throws InterruptedException {
        SimulatedMarket market = market(1, 1000);
        Recorder sink = new Recorder();
        market.start(sink);
        Thread.sleep(700);
        long subscribed = System.nanoTime();
        market.subscribe(AAPL);
        Thread.sleep(50);
        long ticks = sink.total.get();
        double seconds = (System.nanoTime() - subscribed) / 1e9;
        assertTrue(
                ticks <= 20 + 1.5 * 1000 * seconds,
                ticks + " ticks in the " + seconds + " s after subscribing");
    }

    @Test
    void afterUnsubscribeNoMoreQuotesComeForThatSymbol() {
        SimulatedMarket market = market(1, 5000);
        AtomicBoolean unsubscribed = new AtomicBoolean();
        AtomicInteger afterwards = new AtomicInteger();
        Recorder sink =
                new Recorder() {
                    @Override
                    public void onQuote(Quote quote) {
                        if (unsubscribed.get() && quote.symbol().equals("AAPL")) {
                            afterwards.incrementAndGet();
                        }
                        super.onQuote(quote);
                    }
                };
        market.subscribe(AAPL);
        market.subscribe(MSFT);
        market.start(sink);
        await(() -> sink.count("AAPL") >= 100);

        market.unsubscribe("AAPL");
        unsubscribed.set(true);
        int msft = sink.count("MSFT");
        await(() -> sink.count("MSFT") >= msft + 500);

        assertTrue(
                afterwards.get() <= 1,
                "at most the quote already being handed over, got " + afterwards.get());
    }

    @Test
    void aSymbolSubscribedAgainResumesItsWalk() {
        SimulatedMarket market = market(7, 5000);
        Recorder sink = new Recorder();
        market.subscribe(AAPL);
        market.start(sink);
        await(() -> sink.count("AAPL") >= 50);
        market.unsubscribe("AAPL");
        int before = sink.count("AAPL");
        market.subscribe(AAPL);
        await(() -> sink.count("AAPL") >= before + 50);

        List<Quote> all = sink.quotes("AAPL");
        assertEquals(untimed(PriceWalkTest.walk(7, AAPL, all.size())), untimed(all));
    }

    @Test
    void closeEndsTheThreadAndTheQuotes() throws InterruptedException {
        SimulatedMarket market = market(1, 10_000);
        Recorder sink = started(market, sink());
        await(() -> sink.total.get() > 100);

        market.close();

        assertFalse(threads.get(0).isAlive());
        long after = sink.total.get();
        Thread.sleep(100);
        assertEquals(after, sink.total.get());
    }

    @Test
    void closingFromInsideTheSinkEndsTheMarketAfterThatQuote() {
        SimulatedMarket market = market(1, 10_000);
        Recorder sink =
                new Recorder() {
                    @Override
                    public void onQuote(Quote quote) {
                        super.onQuote(quote);
                        if (total.get() == 20) {
                            market.close();
                        }
                    }
                };
        market.subscribe(AAPL);
        market.start(sink);
        await(() -> !threads.get(0).isAlive());
        assertEquals(20, sink.total.get());
        assertEquals(State.STOPPED, sink.statuses.get(sink.statuses.size() - 1).state());
    }

    @Test
    void aSinkThatThrowsDoesNotStopTheMarket() {
        Logger log = Logger.getLogger(SimulatedMarket.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.OFF);
        try {
            AtomicLong calls = new AtomicLong();
            MarketDataSink failing =
                    new MarketDataSink() {
                        @Override
                        public void onQuote(Quote quote) {
                            calls.incrementAndGet();
                            throw new IllegalStateException("sink failure on purpose");
                        }

                        @Override
                        public void onStatus(SourceStatus status) {
                            throw new IllegalStateException("sink failure on purpose");
                        }
                    };
            SimulatedMarket market = market(1, 5000);
            market.subscribe(AAPL);
            market.start(failing);
            await(() -> calls.get() >= 500);
            assertTrue(threads.get(0).isAlive());
        } finally {
            log.setLevel(level);
        }
    }

    @Test
    void itCannotBeStartedTwiceNorAfterClose() {
        SimulatedMarket market = market(1, 100);
        market.start(new Recorder());
        assertThrows(IllegalStateException.class, () -> market.start(new Recorder()));
        market.close();
        assertThrows(IllegalStateException.class, () -> market.start(new Recorder()));
    }

    private SimulatedMarket market(long seed, double rate) {
        SimulatedMarket market = new SimulatedMarket(seed, rate, threadFactory);
        markets.add(market);
        return market;
    }

    private static Recorder sink() {
        return new Recorder();
    }

    private static Recorder started(SimulatedMarket market, Recorder sink) {
        market.subscribe(AAPL);
        market.start(sink);
        return sink;
    }

    private static List<Quote> untimed(List<Quote> quotes) {
        return quotes.stream()
                .map(
                        q ->
                                new Quote(
                                        q.symbol(),
                                        q.bid(),
                                        q.ask(),
                                        q.last(),
                                        q.bidSize(),
                                        q.askSize(),
                                        q.lastSize(),
                                        q.volume(),
                                        0,
                                        q.type()))
                .toList();
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
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

    /** Keeps every quote per symbol, in the order delivered, and every status. */
    static class Recorder implements MarketDataSink {
        final Map<String, List<Quote>> quotes = new ConcurrentHashMap<>();
        final List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
        final AtomicLong total = new AtomicLong();

        @Override
        public void onQuote(Quote quote) {
            List<Quote> list = quotes.computeIfAbsent(quote.symbol(), s -> new ArrayList<>());
            synchronized (list) {
                list.add(quote);
            }
            total.incrementAndGet();
        }

        @Override
        public void onStatus(SourceStatus status) {
            statuses.add(status);
        }

        int count(String symbol) {
            return quotes(symbol).size();
        }

        List<Quote> quotes(String symbol) {
            List<Quote> list = quotes.getOrDefault(symbol, List.of());
            synchronized (list) {
                return List.copyOf(list);
            }
        }
    }
}
