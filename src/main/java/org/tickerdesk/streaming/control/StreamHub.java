package org.tickerdesk.streaming.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.analytics.control.LiveAnalytics;
import org.tickerdesk.analytics.entity.CandleChanged;
import org.tickerdesk.analytics.entity.IndicatorChanged;
import org.tickerdesk.copytrading.control.Traders;
import org.tickerdesk.copytrading.entity.CurveChanged;
import org.tickerdesk.copytrading.entity.IntakeChanged;
import org.tickerdesk.copytrading.entity.TraderChanged;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.history.control.CollectionJobs;
import org.tickerdesk.history.entity.JobChanged;
import org.tickerdesk.history.entity.JobFilter;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.WatchlistChanged;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.control.NewsStore;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.control.TickRelay;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsItem;
import org.tickerdesk.marketdata.entity.NewsPublished;
import org.tickerdesk.marketdata.entity.NumberedQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.notifications.control.NotificationStore;
import org.tickerdesk.notifications.entity.ChannelChanged;
import org.tickerdesk.notifications.entity.NotificationChanged;
import org.tickerdesk.resolution.control.Resolutions;
import org.tickerdesk.resolution.entity.ResolutionChanged;
import org.tickerdesk.resolution.entity.ResolutionOverview;
import org.tickerdesk.resolution.entity.ResolutionRunFinished;
import org.tickerdesk.streaming.entity.Closing;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.HistoryLimits;
import org.tickerdesk.streaming.entity.RequestRate;
import org.tickerdesk.streaming.entity.StatusChanged;
import org.tickerdesk.streaming.entity.StreamName;
import org.tickerdesk.tasks.control.Tasks;
import org.tickerdesk.tasks.entity.TaskChanged;
import org.tickerdesk.tasks.entity.TaskSnapshot;
import org.tickerdesk.trading.control.ExitEngine;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.OrderUpdated;
import org.tickerdesk.trading.entity.PositionChanged;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.PositionsPriced;

/**
 * The streaming component's entry point: the WebSocket boundary connects clients and hands it their
 * frames; the feed's {@link Quote} events, market data's {@link NewsPublished} events, history's
 * {@link JobChanged} events, trading's {@link OrderUpdated}, {@link PositionChanged} and {@link
 * PositionsPriced} events, the tasks console's {@link TaskChanged} events, notifications' {@link
 * NotificationChanged} and {@link ChannelChanged} events, copy trading's {@link TraderChanged}
 * events and the admin's {@link StatusChanged} events arrive here and go out through the {@link
 * Fanout}. Observing either only numbers it, writes its message once and queues it for the clients
 * that want it: the thread that fired it never waits for a socket.
 */
@ApplicationScoped
public class StreamHub {

    static final int MAX_STREAMS = 200;
    static final int MAX_CONNECTIONS_PER_ADDRESS = 50;
    static final int WRITERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final int HISTORY_SWEEP_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(StreamHub.class.getName());

    @Inject QuoteStore quoteStore;

    @Inject NewsStore newsStore;

    @Inject InstrumentCatalog catalog;

    @Inject MarketDemand demand;

    @Inject CollectionJobs jobs;

    @Inject OrderDesk orders;

    @Inject Positions positions;

    @Inject ExitEngine exits;

    /** The tasks console; a test without it snapshots no task. */
    @Inject Tasks tasks;

    /** Resolution and settlement; a test without it snapshots no resolution. */
    @Inject Resolutions resolutionList;

    @Inject NotificationStore notifications;

    /** The followed traders; a test without them snapshots none. */
    @Inject Traders traders;

    /** Live candles and indicators; a test without it serves neither. */
    @Inject LiveAnalytics analytics;

    /**
     * Whether ticks travel between the members of a cluster, and so come numbered; a test without
     * it is standalone.
     */
    @Inject TickRelay relay;

    @Inject Clock clock;

    @Resource ManagedThreadFactory threads;

    /** This server run's epoch: offsets are only comparable within one. */
    String epoch = newEpoch();

    /** Unless set before {@link #start()}, made from the two settings below. */
    Outbox.Limits limits;

    @Inject
    @ConfigProperty(name = "tickerdesk.streaming.max-queued-messages")
    int maxQueuedMessages = Outbox.Limits.DEFAULT.maxMessages();

    @Inject
    @ConfigProperty(name = "tickerdesk.streaming.max-queue-age-ms")
    long maxQueueAgeMillis = Outbox.Limits.DEFAULT.maxAgeMillis();

    @Inject
    @ConfigProperty(name = "tickerdesk.streaming.max-streams")
    int maxStreams = MAX_STREAMS;

    @Inject
    @ConfigProperty(name = "tickerdesk.streaming.requests-per-second")
    int requestsPerSecond = RequestRate.DEFAULT.perSecond();

    @Inject
    @ConfigProperty(name = "tickerdesk.streaming.request-burst")
    int requestBurst = RequestRate.DEFAULT.burst();

    @Inject
    @ConfigProperty(name = "tickerdesk.streaming.max-connections-per-address")
    int maxConnectionsPerAddress = MAX_CONNECTIONS_PER_ADDRESS;

    @Inject
    @ConfigProperty(name = "tickerdesk.streaming.history.messages")
    int historyMessages = HistoryLimits.DEFAULT.messages();

    @Inject
    @ConfigProperty(name = "tickerdesk.streaming.history.seconds")
    int historySeconds = (int) HistoryLimits.DEFAULT.age().toSeconds();

    /** Of message text, counting a character as a byte, as the JSON's mostly ASCII text takes. */
    @Inject
    @ConfigProperty(name = "tickerdesk.streaming.history.megabytes")
    int historyMegabytes = (int) (HistoryLimits.DEFAULT.characters() / 1_000_000);

    /**
     * Paces conflated subscriptions. Unless set before {@link #start()} (a test runs the tasks as
     * its clock moves), a timer thread of the hub's own, which also lets old history go.
     */
    Scheduler scheduler;

    /**
     * Runs socket writes. Unless set before {@link #start()} (a test writes at once), a few writer
     * threads of the hub's own, never the thread that delivers ticks: a slow client costs the
     * writers time, and the feed none.
     */
    Executor writer;

    private final Set<ClientConnection> clients = ConcurrentHashMap.newKeySet();
    private ExecutorService writers;
    private ScheduledExecutorService timer;
    private Fanout fanout;
    private Protocol protocol;
    private ScheduledFuture<?> expiry;
    private RequestRate rate;
    private ConnectionsPerAddress perAddress;

    /** The container, and a test after setting the fields above, start the hub the same way. */
    @PostConstruct
    void start() {
        if (limits == null) {
            limits =
                    new Outbox.Limits(
                            maxQueuedMessages, Outbox.Limits.DEFAULT.maxChars(), maxQueueAgeMillis);
        }
        if (writer == null) {
            writers = Executors.newFixedThreadPool(WRITERS, threads);
            writer = writers;
        }
        if (scheduler == null) {
            timer = Executors.newSingleThreadScheduledExecutor(threads);
            scheduler = (task, delay) -> timer.schedule(task, delay, TimeUnit.MILLISECONDS);
        }
        HistoryLimits history =
                new HistoryLimits(
                        historyMessages,
                        Duration.ofSeconds(historySeconds),
                        historyMegabytes * 1_000_000L);
        PositionsStream positionsStream =
                new PositionsStream(epoch, this::guardedPositions, symbol -> exits.prices(symbol));
        exits.watchPricesWith(positionsStream::watched);
        fanout =
                new Fanout(
                        new StreamContext(epoch, clock, history, scheduler),
                        symbol ->
                                quoteStore
                                        .lastKnown(symbol)
                                        .map(known -> List.of(known.quote()))
                                        .orElse(List.of()),
                        quote -> quoteStore.staleness().isStale(quote),
                        this::storedNews,
                        analytics,
                        demand,
                        new JobsStream(epoch, this::running),
                        new OrdersStream(epoch, () -> orders.recent(OrdersStream.SNAPSHOT)),
                        positionsStream,
                        new TasksStream(epoch, this::tasks),
                        new ResolutionsStream(epoch, this::resolutions),
                        new NotificationsStream(
                                epoch,
                                () -> notifications.recent(NotificationsStream.SNAPSHOT, null),
                                () -> notifications.channels(),
                                () -> notifications.unread()),
                        new TradersStream(epoch, this::traders));
        if (timer != null) {
            timer.scheduleWithFixedDelay(
                    fanout::expireHistories,
                    HISTORY_SWEEP_SECONDS,
                    HISTORY_SWEEP_SECONDS,
                    TimeUnit.SECONDS);
            expiry = timer.scheduleAtFixedRate(this::expireSlowClients, 1, 1, TimeUnit.SECONDS);
        }
        rate = new RequestRate(requestsPerSecond, requestBurst);
        perAddress = new ConnectionsPerAddress(maxConnectionsPerAddress);
        protocol = new Protocol(fanout, catalog::isWatched, maxStreams, rate, clock);
    }

    static String newEpoch() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @PreDestroy
    void stop() {
        if (expiry != null) {
            expiry.cancel(false);
        }
        if (writers != null) {
            writers.shutdownNow();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** An anonymous client from an unknown address: public streams only. */
    public ClientConnection connect(Sender sender) {
        return connect(sender, null, null);
    }

    /**
     * A client beyond its address's limit is told so and closed.
     *
     * @param principal the caller the handshake authenticated, {@code null} for an anonymous one
     * @param address the client's remote address, {@code null} if unknown
     */
    public ClientConnection connect(Sender sender, String principal, String address) {
        ClientConnection client =
                new ClientConnection(
                        principal,
                        address,
                        sender,
                        limits,
                        new RequestThrottle(rate, clock),
                        this::forget,
                        writer);
        if (!perAddress.tryOpen(address)) {
            client.closeAfter(
                    Replies.error(
                            null,
                            ErrorCode.TOO_MANY_CONNECTIONS,
                            address
                                    + " has "
                                    + perAddress.max()
                                    + " connections open, as many as one address may"),
                    Closing.TOO_MANY_CONNECTIONS);
            return client;
        }
        clients.add(client);
        return client;
    }

    /** A whole text message. */
    public void receive(ClientConnection client, String text) {
        receive(client, text, true);
    }

    /** One part of a text message; the last one completes it. */
    public void receive(ClientConnection client, String part, boolean last) {
        protocol.receive(client, part, last);
        if (!client.isOpen()) {
            // a failed send can close it while a subscribe is still registering streams for it
            forget(client);
        }
    }

    public void receiveBinary(ClientConnection client) {
        protocol.receiveBinary(client);
    }

    /** The client's socket is gone: stop sending to it and forget its subscriptions. */
    public void disconnect(ClientConnection client) {
        client.close(null);
    }

    /**
     * Closes every client whose oldest waiting message is older than the limit, also one that
     * stopped reading while nothing new came for it.
     */
    void expireSlowClients() {
        clients.forEach(ClientConnection::expire);
    }

    public int connectedClients() {
        return clients.size();
    }

    /** Analytics fires these on its own thread, after every trade that changes them. */
    void onCandle(@Observes CandleChanged change) {
        change.candles().forEach(fanout::publish);
    }

    void onIndicator(@Observes IndicatorChanged change) {
        fanout.publish(change.value());
    }

    /** Standalone only: in a cluster the same tick also arrives numbered, and goes out so. */
    void onQuote(@Observes Quote quote) {
        if (relay == null || !relay.active()) {
            fanout.publish(quote);
        }
    }

    /** The feed fires it in a cluster, on every member, after the tick's quote. */
    void onNumberedQuote(@Observes NumberedQuote tick) {
        fanout.publish(tick);
    }

    /** After the commit, so what is sent is what is stored, and a repeat is never sent. */
    void onNews(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewsPublished published) {
        fanout.publish(published.news());
    }

    /**
     * The latest stored news of a news stream, newest first. A failed read leaves the snapshot
     * empty: the subscription stands and the next item arrives as usual.
     */
    private List<News> storedNews(String stream) {
        String symbol = stream.substring(stream.indexOf(':') + 1);
        try {
            return newsStore.recent(NewsStore.MAX_RECENT).stream()
                    .map(NewsItem::news)
                    .filter(
                            n ->
                                    symbol.equals(StreamName.EVERY_SYMBOL)
                                            || symbol.equals(n.symbol()))
                    .limit(Fanout.NEWS_SNAPSHOT)
                    .toList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The stored news could not be read for " + stream);
            return List.of();
        }
    }

    /** History fires it once the change is committed, so what is sent is what is stored. */
    void onJobChanged(@Observes JobChanged change) {
        fanout.publish(change.job());
    }

    /**
     * The order desk fires it once the change is committed, on its own thread, in the order the
     * changes were made.
     */
    void onOrderUpdated(@Observes OrderUpdated update) {
        fanout.publish(update.order());
    }

    /** The position keeper fires it once the change is committed, on the order desk's lane. */
    void onPositionChanged(@Observes PositionChanged change) {
        fanout.publish(change.position());
    }

    /** The exit engine fires it every half second, for the instruments that moved. */
    void onPositionsPriced(@Observes PositionsPriced priced) {
        fanout.publish(priced.prices());
    }

    /** The open and closing positions, for a snapshot of the {@code positions} stream. */
    private List<PositionSnapshot> guardedPositions() {
        List<PositionSnapshot> guarded =
                new ArrayList<>(positions.list(PositionState.OPEN, Positions.MAX_LIST));
        guarded.addAll(positions.list(PositionState.CLOSING, Positions.MAX_LIST));
        return guarded;
    }

    /** After the commit, so what is shown is what is stored. */
    void onNotificationChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationChanged change) {
        fanout.publish(change.notification());
    }

    void onChannelChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelChanged change) {
        fanout.publish(change.channel());
    }

    /**
     * The admin fires it when the server's status changed, from its timer: the {@code status}
     * stream keeps the latest for a snapshot.
     */
    void onStatusChanged(@Observes StatusChanged change) {
        fanout.publish(change);
    }

    /**
     * The tasks console fires it after each run and change of a task, once it is committed, from
     * the task's thread or the admin's request.
     */
    void onTaskChanged(@Observes TaskChanged change) {
        fanout.publish(change.task());
    }

    /**
     * Resolution fires it once an instrument's resolution changed, and after each run; delivered
     * once the change is committed.
     */
    void onResolutionChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) ResolutionChanged change) {
        fanout.publish(change.resolution());
    }

    void onResolutionRun(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) ResolutionRunFinished run) {
        fanout.publish(run);
    }

    /** Every instrument awaiting or resolved, for a snapshot of the {@code resolutions} stream. */
    private List<ResolutionOverview> resolutions() {
        return resolutionList == null ? List.of() : resolutionList.overview();
    }

    /**
     * Copy trading fires it after each change of a followed trader is committed, from the thread
     * that made it.
     */
    void onTraderChanged(@Observes TraderChanged change) {
        fanout.publish(change);
    }

    /**
     * The trade intake fires it after an entry is stored or decided, from the thread that did it;
     * it goes out on the {@code traders} stream.
     */
    void onIntakeChanged(@Observes IntakeChanged change) {
        fanout.publish(change);
    }

    /**
     * Copy trading fires it when a trader's copied P&amp;L curve was read again after one of their
     * copied positions changed, from a thread of the server's; it goes out on the {@code traders}
     * stream.
     */
    void onCurveChanged(@Observes CurveChanged change) {
        fanout.publish(change);
    }

    /** Every trader, for a snapshot of the {@code traders} stream. */
    private List<TraderSnapshot> traders() {
        return traders == null ? List.of() : traders.list();
    }

    /** Every task, for a snapshot of the {@code tasks} stream; none where tasks are not known. */
    private List<TaskSnapshot> tasks() {
        return tasks == null ? List.of() : tasks.list();
    }

    /** The collections running now, for a snapshot of the {@code jobs} stream. */
    private List<JobSnapshot> running() {
        List<JobSnapshot> running = new ArrayList<>();
        for (JobStatus status : JobStatus.values()) {
            if (status.isRunning()) {
                running.addAll(jobs.list(new JobFilter(status, null, null, JobFilter.MAX_LIMIT)));
            }
        }
        return running;
    }

    void onWatchlistChanged(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) WatchlistChanged change) {
        if (!change.watched()) {
            fanout.forget(change.contract().symbol());
        }
    }

    private void forget(ClientConnection client) {
        if (clients.remove(client)) {
            perAddress.closed(client.address());
        }
        fanout.remove(client);
    }
}
