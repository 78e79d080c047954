package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.LeaderToken;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.WatchlistChanged;
import org.tickerdesk.marketdata.entity.DemandChanged;
import org.tickerdesk.marketdata.entity.FeedStatusChanged;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.NumberedQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SourceStatus;
import org.tickerdesk.testing.RecordingEvent;
import org.tickerdesk.testing.SettableClock;

/**
 * Which symbols the feed supervisor has the source stream, for a free source and for a
 * demand-driven one, and where the quotes go. The demand's changes reach the supervisor as the CDI
 * event would, synchronously on the holder's thread; watchlist changes are handed to it as the
 * catalog's committed events.
 */
class FeedSupervisorTest {

    private static final Instant T0 = Instant.parse("2025-11-20T15:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(5);
    private static final Contract AAPL = Contract.stock("AAPL", "NASDAQ");
    private static final Contract MSFT = Contract.stock("MSFT", "NASDAQ");
    private static final Contract NVDA = Contract.stock("NVDA", "NASDAQ");
    private static final String SELF = "0b7d3c55-9f2c-4e1a-8a10-3f9a0c1b7d2e";
    private static final String OTHER = "9f2c4e1a-0b7d-3c55-8a10-7d2e3f9a0c1b";
    private static final Logger FEED_LOG = Logger.getLogger(FeedSupervisor.class.getName());

    private final SettableClock clock = new SettableClock(T0);
    private final List<Contract> watched = new ArrayList<>(List.of(AAPL, MSFT));
    private final Map<String, Quote> stored = new HashMap<>();
    private final List<Quote> fired = new ArrayList<>();
    private final TickMeter meter = new TickMeter();
    private final FeedSupervisor supervisor = new FeedSupervisor();
    private final List<FeedStatusChanged> statusChanges = new CopyOnWriteArrayList<>();
    private boolean started;
    private MarketDemand demand = new MarketDemand(clock, this::toSupervisor);

    /** Standalone unless a test makes it a cluster member: what went out, what comes in. */
    private final FakeRelay relay = new FakeRelay();

    private boolean leading = true;

    /** The token this member leads by, while {@link #leading}. */
    private LeaderToken lead = new LeaderToken(4, SELF, T0);

    private final List<NumberedQuote> numbered = new ArrayList<>();

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler logHandler =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logged.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @BeforeEach
    void listenToTheLog() {
        FEED_LOG.addHandler(logHandler);
    }

    @AfterEach
    void stopListening() {
        FEED_LOG.removeHandler(logHandler);
    }

    /** What the CDI event would do once the supervisor exists. */
    private void toSupervisor(DemandChanged change) {
        if (started) {
            supervisor.demanded(change);
        }
    }

    private RecordingSource start(boolean onDemand) {
        return start(new RecordingSource(onDemand));
    }

    private RecordingSource start(RecordingSource source) {
        supervisor.catalog =
                new InstrumentCatalog() {
                    @Override
                    public List<Contract> watchlist() {
                        return List.copyOf(watched);
                    }
                };
        supervisor.demand = demand;
        supervisor.source = source;
        supervisor.store =
                new QuoteStore() {
                    @Override
                    public void put(Quote quote) {
                        stored.put(quote.symbol(), quote);
                    }

                    @Override
                    public void remove(String symbol) {
                        stored.remove(symbol);
                    }
                };
        supervisor.meter = meter;
        supervisor.quotes = new RecordingEvent<>(fired);
        supervisor.numberedQuotes = new RecordingEvent<>(numbered);
        supervisor.statusChanged = new RecordingEvent<>(statusChanges);
        supervisor.relay = relay;
        supervisor.leadership =
                new Leadership() {
                    @Override
                    public boolean leading() {
                        return leading;
                    }

                    @Override
                    public Optional<LeaderToken> held() {
                        return leading ? Optional.of(lead) : Optional.empty();
                    }
                };
        supervisor.start();
        started = true;
        return source;
    }

    private void watch(Contract contract) {
        watched.add(contract);
        supervisor.follow(new WatchlistChanged(contract, true));
    }

    private void unwatch(Contract contract) {
        watched.remove(contract);
        supervisor.follow(new WatchlistChanged(contract, false));
    }

    private static Quote quote(String symbol) {
        return new Quote(
                symbol,
                189.9,
                190.1,
                190.0,
                100,
                200,
                10,
                5000,
                T0.getEpochSecond() * 1_000_000,
                MarketDataType.LIVE);
    }

    @Test
    void aFreeSourceStreamsEveryWatchedSymbolFromTheStart() {
        RecordingSource source = start(false);

        assertEquals(Set.of("AAPL", "MSFT"), supervisor.subscribed());
        assertEquals(Set.of("AAPL", "MSFT"), source.streaming);
        assertNotNull(source.sink, "the source was started");
    }

    @Test
    void aDemandDrivenSourceStreamsAtTheStartOnlyTheWatchedSymbolsSomethingNeeds() {
        demand.hold(new Object(), "MSFT");
        RecordingSource source = start(true);

        assertEquals(Set.of("MSFT"), supervisor.subscribed());
        assertEquals(List.of("+MSFT"), source.calls);
    }

    @Test
    void aWatchedSymbolSomethingStartsToNeedIsStreamedAtOnce() {
        RecordingSource source = start(true);
        assertEquals(Set.of(), supervisor.subscribed());

        demand.hold(new Object(), "AAPL");

        assertEquals(Set.of("AAPL"), supervisor.subscribed());
        assertEquals(List.of("+AAPL"), source.calls);
    }

    @Test
    void aSymbolStillStreamedIsNotSubscribedAgainWhenItIsNeededAgain() {
        RecordingSource source = start(true);
        Object first = new Object();
        demand.hold(first, "AAPL");
        demand.release(first, "AAPL");

        demand.hold(new Object(), "AAPL");

        assertEquals(List.of("+AAPL"), source.calls);
    }

    @Test
    void demandForASymbolOffTheWatchlistStreamsNothing() {
        RecordingSource source = start(true);

        demand.hold(new Object(), "NVDA");

        assertEquals(Set.of(), supervisor.subscribed());
        assertEquals(List.of(), source.calls);
    }

    @Test
    void theWildcardStreamsEveryWatchedSymbol() {
        RecordingSource source = start(true);

        demand.hold(new Object(), DemandChanged.EVERY_SYMBOL);

        assertEquals(Set.of("AAPL", "MSFT"), supervisor.subscribed());
        assertEquals(Set.of("AAPL", "MSFT"), source.streaming);
    }

    @Test
    void aFreeSourceIsNotToldAboutDemand() {
        RecordingSource source = start(false);
        List<String> atStart = List.copyOf(source.calls);

        demand.hold(new Object(), DemandChanged.EVERY_SYMBOL);
        demand.hold(new Object(), "AAPL");

        assertEquals(atStart, source.calls);
    }

    @Test
    void aSymbolNobodyNeedsKeepsStreamingUntilItHasBeenIdleForTheWholePeriod() {
        RecordingSource source = start(true);
        Object client = new Object();
        demand.hold(client, "AAPL");
        demand.release(client, "AAPL");

        assertEquals(List.of(), supervisor.releaseIdle(IDLE), "just let go of");
        clock.advance(IDLE.minusSeconds(1));
        assertEquals(List.of(), supervisor.releaseIdle(IDLE));
        assertEquals(Set.of("AAPL"), source.streaming);

        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("AAPL"), supervisor.releaseIdle(IDLE));
        assertEquals(Set.of(), supervisor.subscribed());
        assertEquals(List.of("+AAPL", "-AAPL"), source.calls);
    }

    @Test
    void aSymbolSomethingNeedsIsNeverReleased() {
        RecordingSource source = start(true);
        demand.hold(new Object(), "AAPL");
        clock.advance(IDLE.multipliedBy(12));

        assertEquals(List.of(), supervisor.releaseIdle(IDLE));
        assertEquals(Set.of("AAPL"), source.streaming);
    }

    @Test
    void aReleasedSymbolNeededAgainIsStreamedAgain() {
        RecordingSource source = start(true);
        Object client = new Object();
        demand.hold(client, "AAPL");
        demand.release(client, "AAPL");
        clock.advance(IDLE);
        supervisor.releaseIdle(IDLE);

        demand.hold(client, "AAPL");

        assertEquals(List.of("+AAPL", "-AAPL", "+AAPL"), source.calls);
        assertEquals(Set.of("AAPL"), supervisor.subscribed());
    }

    @Test
    void aFreeSourceKeepsEverySubscriptionHoweverLongNobodyNeedsIt() {
        RecordingSource source = start(false);
        clock.advance(Duration.ofDays(1));

        assertEquals(List.of(), supervisor.releaseIdle(Duration.ZERO));
        assertEquals(Set.of("AAPL", "MSFT"), source.streaming);
    }

    /**
     * The cleanup and a client run on different threads: a client that needs the symbol just as the
     * cleanup found it idle must not be left without quotes.
     */
    @Test
    void aSymbolNeededWhileItsIdleSubscriptionIsReleasedKeepsStreaming() throws Exception {
        Object late = new Object();
        List<Thread> holders = new ArrayList<>();
        demand =
                new MarketDemand(clock, this::toSupervisor) {
                    @Override
                    public boolean idleFor(String symbol, Duration idle) {
                        boolean idleNow = super.idleFor(symbol, idle);
                        if (idleNow && holders.isEmpty()) {
                            // a client arrives between the cleanup's decision and its act
                            Thread holder = new Thread(() -> hold(late, symbol), "client");
                            holders.add(holder);
                            holder.start();
                            waitUntilDoneOrWaiting(holder);
                        }
                        return idleNow;
                    }
                };
        RecordingSource source = start(true);
        Object early = new Object();
        demand.hold(early, "AAPL");
        demand.release(early, "AAPL");
        clock.advance(IDLE);

        supervisor.releaseIdle(IDLE);
        holders.get(0).join(5_000);

        assertTrue(demand.needed("AAPL"));
        assertEquals(Set.of("AAPL"), supervisor.subscribed());
        assertEquals(Set.of("AAPL"), source.streaming, "calls: " + source.calls);
    }

    @Test
    void aSymbolLeavingTheWatchlistStopsStreamingAndItsQuoteIsForgotten() {
        RecordingSource source = start(false);
        source.sink.onQuote(quote("AAPL"));
        source.sink.onQuote(quote("MSFT"));

        unwatch(AAPL);

        assertEquals(Set.of("MSFT"), supervisor.subscribed());
        assertEquals(Set.of("MSFT"), source.streaming);
        assertEquals(Set.of("MSFT"), stored.keySet());
    }

    @Test
    void aSymbolNeededButNoLongerWatchedIsNotStreamedAgain() {
        RecordingSource source = start(true);
        demand.hold(new Object(), "AAPL");
        unwatch(AAPL);

        demand.hold(new Object(), DemandChanged.EVERY_SYMBOL);

        assertEquals(Set.of("MSFT"), supervisor.subscribed());
        assertEquals(Set.of("MSFT"), source.streaming);
    }

    @Test
    void aFreeSourceStreamsASymbolAsSoonAsItIsWatched() {
        RecordingSource source = start(false);

        watch(NVDA);

        assertEquals(Set.of("AAPL", "MSFT", "NVDA"), supervisor.subscribed());
        assertTrue(source.streaming.contains("NVDA"));
    }

    @Test
    void aDemandDrivenSourceStreamsANewlyWatchedSymbolOnlyIfSomethingAlreadyNeedsIt() {
        RecordingSource source = start(true);
        demand.hold(new Object(), "NVDA");
        Contract amd = Contract.stock("AMD", "NASDAQ");

        watch(NVDA);
        watch(amd);

        assertEquals(Set.of("NVDA"), supervisor.subscribed());
        assertEquals(List.of("+NVDA"), source.calls);
    }

    @Test
    void aContractTheSourceCannotNameIsLoggedAndTheOthersStillStream() {
        Contract warrant = Contract.stock("XYZ.WS", "NYSE");
        watched.add(1, warrant);
        RecordingSource source = new RecordingSource(false);
        source.unnamable.addAll(Set.of("XYZ.WS", "NVDA"));

        start(source);
        watch(NVDA);

        assertEquals(Set.of("AAPL", "MSFT"), supervisor.subscribed());
        assertEquals(Set.of("AAPL", "MSFT"), source.streaming);
        List<String> warnings =
                logged.stream()
                        .filter(r -> r.getLevel() == Level.WARNING)
                        .map(LogRecord::getMessage)
                        .toList();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("XYZ.WS"), warnings.get(0));
        assertTrue(warnings.get(1).contains("NVDA"), warnings.get(1));
    }

    @Test
    void everyQuoteGoesToTheStoreAndOnAsAnEventAndIsCounted() {
        RecordingSource source = start(false);
        Quote aapl = quote("AAPL");
        Quote msft = quote("MSFT");

        source.sink.onQuote(aapl);
        source.sink.onQuote(msft);

        assertEquals(Map.of("AAPL", aapl, "MSFT", msft), stored);
        assertEquals(List.of(aapl, msft), fired);
        assertEquals(2, meter.total());
    }

    @Test
    void theStatusIsStartingUntilTheSourceReportsAndThenWhatItReported() {
        Instant before = Instant.now();
        RecordingSource source = start(true);

        SourceStatus initial = supervisor.status();
        assertEquals("ibkr", initial.source());
        assertEquals(SourceStatus.State.STARTING, initial.state());
        assertFalse(initial.since().isBefore(before));

        SourceStatus connected =
                new SourceStatus("ibkr", SourceStatus.State.CONNECTED, "Connected to TWS", T0);
        source.sink.onStatus(connected);
        assertSame(connected, supervisor.status());
        assertTrue(supervisor.status().connected());
    }

    @Test
    void aChangeOfStateIsAnnouncedOnceAndARepeatedStateNot() {
        RecordingSource source = start(true);
        SourceStatus down =
                new SourceStatus("ibkr", SourceStatus.State.DISCONNECTED, "Connection refused", T0);

        source.sink.onStatus(down);
        source.sink.onStatus(
                new SourceStatus(
                        "ibkr",
                        SourceStatus.State.DISCONNECTED,
                        "Still refused",
                        T0.plusSeconds(5)));

        assertEquals(List.of(new FeedStatusChanged(down)), statusChanges);
    }

    @Test
    void stoppingClosesTheSource() {
        RecordingSource source = start(false);

        supervisor.stop();

        assertTrue(source.closed);
    }

    private static void waitUntilDoneOrWaiting(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TERMINATED
                    || state == Thread.State.BLOCKED
                    || state == Thread.State.WAITING) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(thread.getName() + " neither finished nor waited");
    }

    /** A member of a cluster, as the relay would be on the data grid. */
    private static final class FakeRelay extends TickRelay {
        boolean clustered;
        final List<NumberedQuote> published = new ArrayList<>();
        Consumer<NumberedQuote> listener;

        @Override
        public boolean active() {
            return clustered;
        }

        @Override
        public void publish(NumberedQuote tick) {
            published.add(tick);
        }

        @Override
        public void listen(Consumer<NumberedQuote> consumer) {
            listener = consumer;
        }
    }

    @Test
    void inAClusterTheLeadersSourceTicksAreNumberedInItsTermTakenAndPassedToTheOtherMembers() {
        relay.clustered = true;
        RecordingSource source = start(false);
        Quote aapl = quote("AAPL");

        source.sink.onQuote(aapl);

        NumberedQuote first = new NumberedQuote(aapl, 4, SELF, 1);
        assertEquals(List.of(aapl), fired);
        assertEquals(List.of(first), numbered);
        assertEquals(List.of(first), relay.published);
        assertEquals(aapl, stored.get("AAPL"));
        relay.listener.accept(new NumberedQuote(quote("MSFT"), 3, OTHER, 9));
        assertEquals(List.of(aapl), fired, "a leader does not take a tick relayed late");
        assertEquals(List.of(first), numbered);
    }

    @Test
    void eachSymbolIsNumberedOnItsOwnFromOneAndEveryNewTermStartsAgainAtOne() {
        relay.clustered = true;
        RecordingSource source = start(false);

        source.sink.onQuote(quote("AAPL"));
        source.sink.onQuote(quote("MSFT"));
        source.sink.onQuote(quote("AAPL"));
        lead = new LeaderToken(6, SELF, T0.plusSeconds(60));
        source.sink.onQuote(quote("AAPL"));

        assertEquals(
                List.of("AAPL 4/1", "MSFT 4/1", "AAPL 4/2", "AAPL 6/1"),
                relay.published.stream()
                        .map(t -> t.quote().symbol() + " " + t.term() + "/" + t.sequence())
                        .toList());
    }

    @Test
    void inAClusterAFollowerTakesTheLeadersNumberedTicksAndDropsItsOwnSources() {
        relay.clustered = true;
        leading = false;
        RecordingSource source = start(false);
        NumberedQuote relayed = new NumberedQuote(quote("MSFT"), 4, OTHER, 17);

        source.sink.onQuote(quote("AAPL"));
        relay.listener.accept(relayed);

        assertEquals(List.of(relayed.quote()), fired);
        assertEquals(List.of(relayed), numbered, "with the leader's numbers");
        assertEquals(Set.of("MSFT"), stored.keySet());
        assertEquals(List.of(), relay.published, "a follower passes nothing on");
        assertEquals(1, meter.total());
    }

    @Test
    void aMemberThatTakesTheLeadTakesItsOwnSourcesTicksFromThenOn() {
        relay.clustered = true;
        leading = false;
        RecordingSource source = start(false);
        source.sink.onQuote(quote("AAPL"));

        leading = true;
        Quote own = quote("AAPL");
        source.sink.onQuote(own);

        assertEquals(List.of(own), fired);
        assertEquals(List.of(new NumberedQuote(own, 4, SELF, 1)), relay.published);
    }

    @Test
    void onlyAMemberThatLeadsTakesItsOwnSourcesTicksAndStandaloneAlwaysDoes() {
        start(false);
        assertTrue(supervisor.ownTicksCount(), "standalone");
        relay.clustered = true;
        assertTrue(supervisor.ownTicksCount(), "leading");
        leading = false;
        assertFalse(supervisor.ownTicksCount(), "following");
    }

    @Test
    void standaloneNoTickIsNumbered() {
        RecordingSource source = start(false);

        source.sink.onQuote(quote("AAPL"));

        assertEquals(1, fired.size());
        assertEquals(List.of(), numbered);
    }

    @Test
    void inAClusterADemandDrivenSourceStreamsEveryWatchedSymbolAndReleasesNone() {
        relay.clustered = true;
        RecordingSource source = start(true);

        assertEquals(Set.of("AAPL", "MSFT"), supervisor.subscribed());
        clock.advance(IDLE.multipliedBy(2));
        assertEquals(List.of(), supervisor.releaseIdle(IDLE));
        assertEquals(Set.of("AAPL", "MSFT"), source.streaming);
    }

    @Test
    void aFollowerIsConnectedThroughTheLeaderWhateverItsOwnSourceSays() {
        relay.clustered = true;
        leading = false;
        RecordingSource source = start(false);
        source.sink.onStatus(
                new SourceStatus(
                        "ibkr", SourceStatus.State.DISCONNECTED, "no TWS session here", T0));

        SourceStatus status = supervisor.status();

        assertTrue(status.connected());
        assertEquals("following: ticks come from the leading member", status.detail());
    }
}
