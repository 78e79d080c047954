package org.tickerdesk.cluster.control;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.cluster.entity.ClusterView;
import org.tickerdesk.cluster.entity.LeaderToken;
import org.tickerdesk.cluster.entity.LeadershipChanged;

/**
 * Whether this instance leads, on every instance. In a cluster ({@code TICKERDESK_CLUSTER=true}) a
 * managed thread runs the {@link LeaderLease} on Payara's data grid and {@link LeadershipChanged}
 * is fired on that thread whenever this instance starts or stops leading; standalone, the instance
 * leads from start-up and never stops, so nothing waits for a grid that has no other member.
 *
 * <p>Not a {@code @Clustered} singleton: that one's state is serialised through the grid on every
 * call and it cannot hold a thread or a socket.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Leadership {

    /** Where Payara binds its data grid's instance for applications. */
    static final String GRID = "payara/Hazelcast";

    /** How often the leader proves it still holds the lock, and a follower tries to take it. */
    static final Duration PERIOD = Duration.ofMillis(250);

    private static final Logger LOG = Logger.getLogger(Leadership.class.getName());

    @Inject
    @ConfigProperty(name = "tickerdesk.cluster", defaultValue = "false")
    boolean clustered;

    @Inject Event<LeadershipChanged> changed;

    @Inject Clock clock;

    @Resource ManagedThreadFactory threads;

    /** Where the terms are counted, outside the grid (see {@link LeaderLease}). */
    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    /** Unless set before {@link #start()} (a test counts terms in memory), the database's. */
    TermFence fence;

    /** Payara's data grid, looked up at start-up unless a test set it. */
    HazelcastInstance grid;

    private LeaderLease lease;
    private Thread thread;
    private volatile boolean leading;
    private volatile Instant standaloneSince;
    private String standaloneId;

    @PostConstruct
    void start() {
        if (grid == null) {
            grid = lookUpGrid().orElse(null);
        }
        if (!clustered) {
            standaloneSince = clock.instant();
            standaloneId = grid == null ? UUID.randomUUID().toString() : localUuid();
            leading = true;
            LOG.info("Not clustered: this instance leads");
            return;
        }
        if (grid == null) {
            throw new IllegalStateException(
                    "TICKERDESK_CLUSTER=true but Payara's data grid ("
                            + GRID
                            + ") is not available: no member could lead");
        }
        if (fence == null) {
            fence = new DatabaseTermFence(database);
        }
        lease = new LeaderLease(grid, PERIOD, clock, fence, new Announcer());
        thread = threads.newThread(lease);
        thread.setName("tickerdesk-leadership");
        thread.start();
        LOG.info(() -> "Clustered: member " + localUuid() + " competes for the lead");
    }

    @PreDestroy
    void stop() {
        if (lease == null) {
            return;
        }
        lease.stop();
        try {
            thread.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this instance leads now: holds the IBKR session and runs the cluster's tasks. */
    public boolean leading() {
        return leading;
    }

    /**
     * The token this member leads by, its term with it, while it leads a cluster; empty while it
     * follows, and standalone, where there are no terms.
     */
    public Optional<LeaderToken> held() {
        return lease == null ? Optional.empty() : lease.held();
    }

    /** Whether Tickerdesk runs as a cluster; when not, this instance always leads. */
    public boolean clustered() {
        return clustered;
    }

    /**
     * Payara's data grid, for the parts that talk to the other members over it; only in a cluster.
     *
     * @throws IllegalStateException standalone, where there is no other member to talk to
     */
    public HazelcastInstance grid() {
        if (!clustered) {
            throw new IllegalStateException("Not clustered: there is no other member to talk to");
        }
        return grid;
    }

    /** The cluster as this instance knows it now: members, who leads and since when. */
    public ClusterView view() {
        if (!clustered) {
            return new ClusterView(
                    false,
                    List.of(new ClusterMember(standaloneId, localAddress(), true, true)),
                    standaloneSince,
                    true);
        }
        Optional<LeaderToken> leader = lease.seen();
        String leaderId = leader.map(LeaderToken::member).orElse(null);
        String self = localUuid();
        List<ClusterMember> members = new ArrayList<>();
        boolean leaderPresent = false;
        for (Member member : grid.getCluster().getMembers()) {
            String id = member.getUuid().toString();
            boolean leads = id.equals(leaderId);
            leaderPresent |= leads;
            members.add(new ClusterMember(id, address(member), id.equals(self), leads));
        }
        return new ClusterView(true, members, leaderPresent ? leader.get().since() : null, leading);
    }

    /** The leading member, when one is known. */
    public Optional<ClusterMember> leader() {
        return view().leader();
    }

    private String localUuid() {
        return grid.getCluster().getLocalMember().getUuid().toString();
    }

    private String localAddress() {
        return grid == null ? "standalone" : address(grid.getCluster().getLocalMember());
    }

    private static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }

    /** The grid as Payara documents it for applications; empty when it does not run. */
    private static Optional<HazelcastInstance> lookUpGrid() {
        try {
            return Optional.ofNullable((HazelcastInstance) new InitialContext().lookup(GRID));
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.FINE, e, () -> GRID + " is not available");
            return Optional.empty();
        }
    }

    private void announce(LeadershipChanged change) {
        try {
            changed.fire(change);
        } catch (RuntimeException e) {
            // an observer's failure must not stop the thread that keeps the lock
            LOG.log(Level.WARNING, e, () -> "Announcing " + change + " failed");
        }
    }

    private final class Announcer implements LeaderLease.Listener {

        @Override
        public void leads(LeaderToken token) {
            leading = true;
            LOG.info(() -> "This member (" + token.member() + ") leads, term " + token.term());
            announce(new LeadershipChanged(true, token.member(), token.since()));
        }

        @Override
        public void follows(String reason) {
            leading = false;
            announce(new LeadershipChanged(false, null, clock.instant()));
        }
    }
}
