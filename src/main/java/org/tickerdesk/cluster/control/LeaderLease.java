package org.tickerdesk.cluster.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.cluster.entity.LeaderToken;

/**
 * The leadership protocol of one member, run by one thread ({@link #run}): it tries to take a lock
 * of a data-grid map; holding it, it writes its {@link LeaderToken} beside it and leads; then every
 * period it checks that the lock is still taken and the token still its own, and steps down the
 * moment either is not so, or the grid cannot be asked. The grid releases the lock of a member that
 * leaves or dies, so another member's next attempt takes it.
 *
 * <p>Hazelcast's map locks belong to the thread that took them: taking, checking and releasing all
 * happen on the thread that runs this.
 */
public final class LeaderLease implements Runnable {

    /** The map of the lock and the token; nothing else is kept in it. */
    public static final String MAP = "tickerdesk-leadership";

    static final String LOCK = "leader";

    static final String TOKEN = "leader-token";

    private static final Logger LOG = Logger.getLogger(LeaderLease.class.getName());

    /** What the lease tells its owner; called on the lease's thread. */
    public interface Listener {

        void leads(LeaderToken token);

        /** It stopped leading, or never led: the reason is for the log. */
        void follows(String reason);
    }

    private final HazelcastInstance grid;
    private final Duration period;
    private final Clock clock;
    private final Listener listener;
    private final String self;
    private volatile LeaderToken held;
    private volatile LeaderToken seen;
    private volatile boolean stopped;
    private volatile Thread thread;

    public LeaderLease(HazelcastInstance grid, Duration period, Clock clock, Listener listener) {
        this.grid = grid;
        this.period = period;
        this.clock = clock;
        this.listener = listener;
        this.self = grid.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (!stopped) {
                if (!step()) {
                    return;
                }
                Thread.sleep(period.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release("the instance is stopping");
        }
    }

    /** Ends {@link #run} and releases the lock, so that another member takes over at once. */
    public void stop() {
        stopped = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** The token this member holds, while it leads. */
    public Optional<LeaderToken> held() {
        return Optional.ofNullable(held);
    }

    /** The newest token read from the grid: the leader as far as this member knows. */
    public Optional<LeaderToken> seen() {
        return Optional.ofNullable(seen);
    }

    /**
     * One attempt or check.
     *
     * @return false once the grid has shut down: nothing more can be done
     */
    boolean step() {
        try {
            IMap<String, String> map = grid.getMap(MAP);
            if (held == null) {
                attempt(map);
            } else {
                check(map);
            }
            return true;
        } catch (HazelcastInstanceNotActiveException e) {
            stepDown("the data grid has shut down");
            return false;
        } catch (RuntimeException e) {
            if (held != null) {
                LOG.log(Level.WARNING, e, () -> "Leadership could not be checked");
                stepDown("the data grid could not be asked: " + e);
            }
            return true;
        }
    }

    private void attempt(IMap<String, String> map) {
        Optional<LeaderToken> before = LeaderToken.parse(map.get(TOKEN));
        seen = before.orElse(null);
        if (!map.tryLock(LOCK)) {
            return;
        }
        LeaderToken token =
                before.map(t -> t.next(self, clock.instant()))
                        .orElseGet(() -> new LeaderToken(1, self, clock.instant()));
        try {
            map.set(TOKEN, token.text());
        } catch (RuntimeException e) {
            map.unlock(LOCK);
            throw e;
        }
        held = token;
        seen = token;
        listener.leads(token);
    }

    private void check(IMap<String, String> map) {
        String token = map.get(TOKEN);
        LeaderToken other = LeaderToken.parse(token).orElse(null);
        seen = other;
        if (!held.text().equals(token)) {
            stepDown("another member's token replaced this one's: " + token);
        } else if (!map.isLocked(LOCK)) {
            stepDown("the leader's lock is no longer taken");
        }
    }

    private void stepDown(String reason) {
        if (held == null) {
            return;
        }
        release(reason);
    }

    private void release(String reason) {
        LeaderToken was = held;
        if (was == null) {
            return;
        }
        held = null;
        try {
            IMap<String, String> map = grid.getMap(MAP);
            map.remove(TOKEN, was.text());
            map.unlock(LOCK);
        } catch (IllegalMonitorStateException | HazelcastInstanceNotActiveException e) {
            // the lock is someone else's or gone with the grid: nothing of ours to release
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Releasing the leader's lock failed");
        }
        LOG.info(() -> "This member (" + self + ") stopped leading: " + reason);
        listener.follows(reason);
    }
}
