package org.tickerdesk.streaming.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.tickerdesk.history.control.CollectionJobs;
import org.tickerdesk.history.entity.JobFilter;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.control.NewsStore;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.control.Staleness;
import org.tickerdesk.marketdata.entity.DemandChanged;
import org.tickerdesk.marketdata.entity.LatestQuote;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsItem;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.notifications.control.NotificationStore;
import org.tickerdesk.notifications.entity.ChannelStatus;
import org.tickerdesk.notifications.entity.NotificationSnapshot;
import org.tickerdesk.streaming.entity.HistoryLimits;
import org.tickerdesk.streaming.entity.RequestRate;
import org.tickerdesk.testing.SettableClock;
import org.tickerdesk.trading.control.ExitEngine;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.PositionPrice;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;

/**
 * A hub wired to fakes: a watchlist of six symbols, a quote store, stored collections, orders and
 * positions and the exit engine's prices the test fills, a fixed clock and small limits, so tests
 * read as the protocol they check.
 */
final class Fixtures {

    static final String EPOCH = "test-epoch";
    static final Set<String> WATCHLIST = Set.of("AAPL", "MSFT", "BRK.B", "ESZ6", "NVDA", "S0042");
    static final Instant NOW = Instant.parse("2023-11-14T22:13:20.123456Z");
    static final int MAX_STREAMS = 5;

    /** A quote stamped {@link #NOW} turns stale when the clock has moved on this far. */
    static final int STALE_SECONDS = 60;

    /**
     * So many requests at once that no test runs out unless it means to: those that do say their
     * own rate.
     */
    static final RequestRate UNHURRIED = new RequestRate(1, 10_000);

    static final int MAX_CONNECTIONS_PER_ADDRESS = 3;

    /** Few recent messages, so that a test can outrun them. */
    static final HistoryLimits HISTORY = new HistoryLimits(5, Duration.ofSeconds(60), 64_000_000);

    /** Stands still at {@link #NOW} until a test moves it. */
    final SettableClock clock = new SettableClock(NOW);

    /** Runs the conflated deliveries' timers as the test moves the clock. */
    final ManualScheduler scheduler = new ManualScheduler(clock);

    final Map<String, Quote> stored = new HashMap<>();

    /** The news stored, newest first. */
    final List<News> storedNews = new CopyOnWriteArrayList<>();

    /** The collections stored, of any status; reading them fails while {@link #jobsFail} is set. */
    final List<JobSnapshot> storedJobs = new CopyOnWriteArrayList<>();

    volatile RuntimeException jobsFail;

    /** The orders stored, newest first; reading them fails while {@link #ordersFail} is set. */
    final List<OrderSnapshot> storedOrders = new CopyOnWriteArrayList<>();

    volatile RuntimeException ordersFail;

    /**
     * The positions stored, newest first; reading them fails while {@link #positionsFail} is set.
     */
    final List<PositionSnapshot> storedPositions = new CopyOnWriteArrayList<>();

    volatile RuntimeException positionsFail;

    /** The exit engine's prices of the guarded positions now, whatever their instrument. */
    final List<PositionPrice> enginePrices = new CopyOnWriteArrayList<>();

    /** The notifications stored, newest first. */
    final List<NotificationSnapshot> storedNotifications = new CopyOnWriteArrayList<>();

    final List<ChannelStatus> channels = new CopyOnWriteArrayList<>();

    volatile long unread;

    final List<DemandChanged> demandChanges = new CopyOnWriteArrayList<>();
    final MarketDemand demand =
            new MarketDemand(Clock.fixed(NOW, ZoneOffset.UTC), demandChanges::add);
    final StreamHub hub;

    Fixtures() {
        this(new Outbox.Limits(100, 1_000_000, 60_000));
    }

    Fixtures(Outbox.Limits limits) {
        this(limits, Runnable::run);
    }

    /**
     * @param writer runs the sockets' writes; {@code Runnable::run} writes on the offering thread
     */
    Fixtures(Outbox.Limits limits, Executor writer) {
        this(limits, writer, UNHURRIED);
    }

    /** A hub whose clients may send requests at this rate. */
    Fixtures(RequestRate rate) {
        this(new Outbox.Limits(100, 1_000_000, 60_000), Runnable::run, rate);
    }

    private Fixtures(Outbox.Limits limits, Executor writer, RequestRate rate) {
        hub = new StreamHub();
        hub.catalog =
                new InstrumentCatalog() {
                    @Override
                    public boolean isWatched(String symbol) {
                        return WATCHLIST.contains(symbol);
                    }
                };
        hub.quoteStore =
                new QuoteStore() {
                    @Override
                    public Optional<LatestQuote> lastKnown(String symbol) {
                        return Optional.ofNullable(stored.get(symbol)).map(staleness()::judge);
                    }

                    @Override
                    public Staleness staleness() {
                        return new Staleness(STALE_SECONDS, clock);
                    }
                };
        hub.newsStore =
                new NewsStore() {
                    @Override
                    public List<NewsItem> recent(int limit) {
                        return storedNews.stream().limit(limit).map(NewsItem::new).toList();
                    }
                };
        hub.demand = demand;
        hub.jobs =
                new CollectionJobs() {
                    @Override
                    public List<JobSnapshot> list(JobFilter filter) {
                        if (jobsFail != null) {
                            throw jobsFail;
                        }
                        return storedJobs.stream()
                                .filter(
                                        j ->
                                                filter.status() == null
                                                        || j.status() == filter.status())
                                .toList();
                    }
                };
        hub.orders =
                new OrderDesk() {
                    @Override
                    public List<OrderSnapshot> recent(int limit) {
                        if (ordersFail != null) {
                            throw ordersFail;
                        }
                        return storedOrders.stream().limit(limit).toList();
                    }
                };
        hub.positions =
                new Positions() {
                    @Override
                    public List<PositionSnapshot> list(PositionState state, int limit) {
                        if (positionsFail != null) {
                            throw positionsFail;
                        }
                        return storedPositions.stream()
                                .filter(p -> p.state() == state)
                                .limit(limit)
                                .toList();
                    }
                };
        hub.exits =
                new ExitEngine() {
                    @Override
                    public List<PositionPrice> prices(String symbol) {
                        return enginePrices.stream()
                                .filter(p -> p.symbol().equals(symbol))
                                .toList();
                    }
                };
        hub.notifications =
                new NotificationStore() {
                    @Override
                    public List<NotificationSnapshot> recent(int limit, Long beforeId) {
                        return storedNotifications.stream().limit(limit).toList();
                    }

                    @Override
                    public List<ChannelStatus> channels() {
                        return channels;
                    }

                    @Override
                    public long unread() {
                        return unread;
                    }
                };
        hub.epoch = EPOCH;
        hub.clock = clock;
        hub.limits = limits;
        hub.maxStreams = MAX_STREAMS;
        hub.requestsPerSecond = rate.perSecond();
        hub.requestBurst = rate.burst();
        hub.maxConnectionsPerAddress = MAX_CONNECTIONS_PER_ADDRESS;
        hub.writer = writer;
        hub.scheduler = scheduler;
        hub.historyMessages = HISTORY.messages();
        hub.historySeconds = (int) HISTORY.age().toSeconds();
        hub.start();
    }

    ClientConnection connect(FakeClient client) {
        return hub.connect(client.sender());
    }

    ClientConnection connect(Sender client) {
        return hub.connect(client);
    }

    /** A client whose handshake authenticated it as {@code principal}. */
    ClientConnection connectAs(String principal, FakeClient client) {
        return hub.connect(client.sender(), principal, null);
    }

    /** An anonymous client from this remote address. */
    ClientConnection connectFrom(String address, FakeClient client) {
        return hub.connect(client.sender(), null, address);
    }

    static Quote quote(String symbol, double last) {
        return new Quote(
                symbol,
                last - 0.01,
                last + 0.01,
                last,
                100,
                200,
                10,
                1_000,
                1_700_000_000_123_456L,
                MarketDataType.LIVE);
    }

    static Quote quote(String symbol, double bid, double ask, double last, long micros) {
        return new Quote(
                symbol, bid, ask, last, 100, 200, 10, 1_000, micros, MarketDataType.DELAYED);
    }
}
