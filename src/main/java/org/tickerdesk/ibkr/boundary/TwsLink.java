package org.tickerdesk.ibkr.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.LeadershipChanged;
import org.tickerdesk.ibkr.account.IbkrPortfolio;
import org.tickerdesk.ibkr.contracts.IbkrContracts;
import org.tickerdesk.ibkr.history.IbkrHistory;
import org.tickerdesk.ibkr.history.PacingBudget;
import org.tickerdesk.ibkr.history.PacingGate;
import org.tickerdesk.ibkr.marketdata.IbkrMarketData;
import org.tickerdesk.ibkr.marketdata.MarketDataLines;
import org.tickerdesk.ibkr.news.IbkrNews;
import org.tickerdesk.ibkr.resolution.IbkrResolutionSource;
import org.tickerdesk.ibkr.session.DataFarms;
import org.tickerdesk.ibkr.session.IbkrSettings;
import org.tickerdesk.ibkr.session.LinkState;
import org.tickerdesk.ibkr.session.ReconnectPolicy;
import org.tickerdesk.ibkr.session.SessionInfo;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;
import org.tickerdesk.platform.entity.Upstream;
import org.tickerdesk.platform.entity.UpstreamLinkChanged;

/**
 * The one API session Tickerdesk holds with TWS or IB Gateway, shared by the market-data source,
 * the history client, contract lookup, news and the IBKR broker, with the one client of each
 * concern on it. Only the ibkr component reaches it: other components get IBKR's implementations of
 * their SPIs through the producers in {@code org.tickerdesk.ibkr.boundary}. It exists only when
 * IBKR is used ({@code TICKERDESK_SOURCE=ibkr} or {@code TICKERDESK_TRADING=ibkr}); it starts
 * connecting with the application and keeps reconnecting, forever, until the application stops.
 *
 * <p>In a cluster only the leading member holds the session (TWS takes a client id once): a
 * follower's session is made but not started, and a member stops its session the moment it stops
 * leading and starts it again when it leads.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TwsLink {

    private static final Logger LOG = Logger.getLogger(TwsLink.class.getName());

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * A lookup waits this long for a session still connecting (the first use starts it) before
     * saying it is down.
     */
    static final Duration LOOKUP_CONNECT_WAIT = Duration.ofSeconds(3);

    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How long a resolution's history request may take, a pacing wait included; the contract lookup
     * before it keeps {@link #LOOKUP_TIMEOUT}.
     */
    static final Duration RESOLUTION_HISTORY_TIMEOUT = Duration.ofSeconds(30);

    public static final String NOT_USED = Upstream.IBKR_NOT_USED;

    /** What the link says on a cluster member that does not lead. */
    static final String FOLLOWING =
            "Not connected: another member of the cluster leads and holds the TWS session";

    @Inject Upstream upstream;

    @Inject Leadership leadership;

    /** The session's ups and downs, for whoever tells of outages. */
    @Inject Event<UpstreamLinkChanged> linkChanged;

    @Inject
    @ConfigProperty(name = "tickerdesk.ibkr.host")
    String host;

    @Inject
    @ConfigProperty(name = "tickerdesk.ibkr.port")
    int port;

    @Inject
    @ConfigProperty(name = "tickerdesk.ibkr.client-id")
    int clientId;

    @Inject
    @ConfigProperty(name = "tickerdesk.ibkr.market-data-type")
    String marketDataType;

    @Inject
    @ConfigProperty(name = "tickerdesk.ibkr.max-lines")
    int maxLines;

    @Inject
    @ConfigProperty(name = "tickerdesk.ibkr.reconnect-max-seconds")
    int reconnectMaxSeconds;

    @Resource ManagedThreadFactory threads;

    private final PacingGate pacing = PacingGate.standard();
    private final DataFarms farms = new DataFarms(Clock.systemUTC());
    private TwsSession session;
    private IbkrMarketData marketData;
    private IbkrHistory history;
    private IbkrContracts contracts;
    private IbkrNews news;
    private IbkrResolutionSource resolution;
    private IbkrPortfolio portfolio;
    private volatile LinkState state;

    @PostConstruct
    void connect() {
        if (enabled()) {
            session();
        }
    }

    /** True when a source or broker of {@code ibkr} is configured. */
    public boolean enabled() {
        return upstream.usesIbkr();
    }

    /**
     * The session; made when the application starts, and connecting in the background while this
     * member leads.
     */
    public synchronized TwsSession session() {
        if (!enabled()) {
            throw new IllegalStateException(NOT_USED);
        }
        if (session == null) {
            IbkrSettings settings =
                    new IbkrSettings(
                            host,
                            port,
                            clientId,
                            MarketDataKind.fromSetting(marketDataType),
                            maxLines);
            state =
                    new LinkState(
                            true,
                            false,
                            settings.address(),
                            "Connecting to TWS at " + settings.address(),
                            Instant.now());
            session =
                    new TwsSession(
                            settings,
                            threads,
                            ReconnectPolicy.standard(Duration.ofSeconds(reconnectMaxSeconds)),
                            CONNECT_TIMEOUT);
            session.connectOnlyWhile(leadership::leading);
            session.addListener(new StateListener(settings.address()));
            session.addListener(farms);
            session.addListener(new LinkAnnouncer(this::announce, Clock.systemUTC()));
            // followed from the first connection, so an event contract's line while still held
            // is known when it leaves the portfolio at its resolution
            portfolio = new IbkrPortfolio(session, Clock.systemUTC());
            portfolio.start();
        }
        if (leadership.leading()) {
            session.start();
        } else if (!session.started() && !following(state)) {
            state = following(session.settings().address());
        }
        return session;
    }

    /**
     * Connects when this member takes the cluster's lead and disconnects the moment it loses it. On
     * the leadership thread: it only starts or stops the session, which returns at once.
     */
    public void leadershipChanged(@Observes LeadershipChanged change) {
        if (!enabled()) {
            return;
        }
        if (change.leading()) {
            LOG.info("This member leads: connecting to TWS");
            session();
            return;
        }
        synchronized (this) {
            if (session != null && session.started()) {
                session.stop();
                LOG.info("This member no longer leads: disconnected from TWS");
            }
            if (session != null && !following(state)) {
                state = following(session.settings().address());
            }
        }
    }

    /** Whether this member is to hold the session: it leads the cluster (or runs alone). */
    public boolean holdsSession() {
        return leadership.leading();
    }

    private static LinkState following(String address) {
        return new LinkState(true, false, address, FOLLOWING, Instant.now());
    }

    /**
     * Whether the state already says so: since when stays the moment this member stopped leading.
     */
    private static boolean following(LinkState state) {
        return state != null && FOLLOWING.equals(state.detail());
    }

    /** The market-data source on the shared session. */
    public synchronized IbkrMarketData marketData() {
        if (marketData == null) {
            marketData = new IbkrMarketData(session(), false);
        }
        return marketData;
    }

    /** The market-data source, when Tickerdesk streams from IBKR (TICKERDESK_SOURCE=ibkr). */
    public synchronized Optional<IbkrMarketData> marketDataInUse() {
        return Optional.ofNullable(marketData);
    }

    /** The history client on the shared session, with IB's pacing rules. */
    public synchronized IbkrHistory history() {
        if (history == null) {
            history = new IbkrHistory(session(), pacing);
        }
        return history;
    }

    public IbkrOverview overview() {
        if (!enabled()) {
            return new IbkrOverview(LinkState.unused(), List.of(), null, null);
        }
        MarketDataLines lines =
                marketDataInUse()
                        .map(
                                md ->
                                        new MarketDataLines(
                                                md.maxLines(),
                                                md.linesInUse(),
                                                md.waitingForLine(),
                                                md.lines()))
                        .orElse(null);
        return new IbkrOverview(state(), farms.farms(), lines, pacing.budget());
    }

    /**
     * What is left of IB's historical pacing allowance, for the REST API and the dashboard. Reading
     * it opens no connection: before the first history request it is the whole allowance.
     */
    public PacingBudget pacingBudget() {
        if (!enabled()) {
            throw new IllegalStateException(NOT_USED);
        }
        return pacing.budget();
    }

    /** The contract lookup on the shared session, for the instrument catalog. */
    public synchronized IbkrContracts contracts() {
        if (contracts == null) {
            contracts = new IbkrContracts(session(), LOOKUP_CONNECT_WAIT, LOOKUP_TIMEOUT);
        }
        return contracts;
    }

    /** Resolution of expired instruments by what TWS can tell, on the shared session. */
    public synchronized IbkrResolutionSource resolution() {
        if (resolution == null) {
            resolution =
                    new IbkrResolutionSource(
                            session(),
                            contracts(),
                            history(),
                            portfolio,
                            LOOKUP_CONNECT_WAIT,
                            RESOLUTION_HISTORY_TIMEOUT,
                            Clock.systemUTC());
        }
        return resolution;
    }

    /** IB's news bulletins on the shared session, started by whoever stores them. */
    public synchronized IbkrNews news() {
        if (news == null) {
            news = new IbkrNews(session(), threads, Clock.systemUTC());
        }
        return news;
    }

    private void announce(UpstreamLinkChanged change) {
        try {
            linkChanged.fire(change);
        } catch (RuntimeException e) {
            // an observer's failure must not stop the session thread that reconnects
            LOG.log(Level.WARNING, e, () -> "Announcing " + change + " failed");
        }
    }

    public LinkState state() {
        LinkState s = state;
        return s != null ? s : LinkState.unused();
    }

    @PreDestroy
    synchronized void close() {
        if (news != null) {
            news.close();
        }
        if (portfolio != null) {
            portfolio.close();
        }
        if (session != null) {
            session.close();
        }
    }

    private final class StateListener implements TwsSession.Listener {

        private final String address;

        StateListener(String address) {
            this.address = address;
        }

        @Override
        public void onMessage(IncomingMessage message) {}

        /**
         * A connection told after this member stopped leading is not shown: the session was
         * stopped, and the state says the member follows.
         */
        @Override
        public void onConnected(SessionInfo info, String detail) {
            synchronized (TwsLink.this) {
                if (holdsSession()) {
                    state = new LinkState(true, true, address, detail, Instant.now());
                }
            }
        }

        @Override
        public void onDisconnected(String detail) {
            LinkState was = state;
            Instant since = was != null && !was.connected() ? was.since() : Instant.now();
            state = new LinkState(true, false, address, detail, since);
        }
    }
}
