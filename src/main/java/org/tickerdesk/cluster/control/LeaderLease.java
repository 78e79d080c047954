package org.tickerdesk.cluster.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>The grid alone cannot tell two leaders apart after a split: a leader frozen long enough to be
 * dropped is replaced, and when the two halves merge the grid may keep the frozen one's lock and
 * token (measured: the replacement stepped down and the woken leader kept leading). So each new
 * leader counts its term in a {@link TermFence} outside the grid, every check reads the newest
 * term, and a leader whose term is older steps down and waits {@link #FENCED_OUT_PERIODS} periods
 * before it competes again, leaving the lead to the member that replaced it.
 *
 * <p>Hazelcast's map locks belong to the thread that took them: taking, checking and releasing all
 * happen on the thread that runs this.
 */
public final class LeaderLease implements Runnable {

    /** The map of the lock and the token; nothing else is kept in it. */
    public static final String MAP = "tickerdesk-leadership";

    static final String LOCK = "leader";

    static final String TOKEN = "leader-token";

    /** Periods a member replaced by a newer term waits before it tries to lead again. */
    static final int FENCED_OUT_PERIODS = 20;

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
    private final TermFence fence;
    private final String self;
    private int waitPeriods;
    private volatile LeaderToken held;
    private volatile LeaderToken seen;
    private volatile boolean stopped;
    private volatile Thread thread;

    public LeaderLease(
            HazelcastInstance grid,
            Duration period,
            Clock clock,
            TermFence fence,
            Listener listener) {
        this.grid = grid;
        this.fence = fence;
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
        seen = LeaderToken.parse(map.get(TOKEN)).orElse(null);
        if (waitPeriods > 0) {
            waitPeriods--;
            return;
        }
        if (!map.tryLock(LOCK)) {
            return;
        }
        LeaderToken token;
        try {
            Instant now = clock.instant();
            token = new LeaderToken(fence.claim(self, now), self, now);
            map.set(TOKEN, token.text());
        } catch (RuntimeException e) {
            unlockFully(map);
            throw e;
        }
        held = token;
        seen = token;
        listener.leads(token);
    }

    /**
     * The newest term first: it is kept outside the grid and decides between two leaders. Then the
     * lock, taken again by this thread (Hazelcast's map locks are reentrant) and once released, so
     * that a lock another member holds now is told from one that is still this member's; the token
     * beside it is written again when a merge left an older leader's there.
     */
    private void check(IMap<String, String> map) {
        long newest = fence.newest();
        if (newest > held.term()) {
            waitPeriods = FENCED_OUT_PERIODS;
            stepDown("a newer leader took term " + newest);
            return;
        }
        boolean lockedBefore = map.isLocked(LOCK);
        if (!map.tryLock(LOCK)) {
            stepDown("another member holds the leader's lock");
            return;
        }
        if (lockedBefore) {
            map.unlock(LOCK);
        }
        String token = map.get(TOKEN);
        LeaderToken other = LeaderToken.parse(token).orElse(null);
        if (other != null && other.term() > held.term()) {
            seen = other;
            stepDown("another member's token replaced this one's: " + token);
        } else if (!held.text().equals(token)) {
            map.set(TOKEN, held.text());
            LOG.info(() -> "The leader's token was " + token + " after a merge: written again");
            seen = held;
        } else {
            seen = held;
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
            unlockFully(map);
        } catch (HazelcastInstanceNotActiveException e) {
            // the lock is someone else's or gone with the grid: nothing of ours to release
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Releasing the leader's lock failed");
        }
        LOG.info(() -> "This member (" + self + ") stopped leading: " + reason);
        listener.follows(reason);
    }

    /** Releases every hold of this thread on the lock; nothing when it holds none. */
    private static void unlockFully(IMap<String, String> map) {
        try {
            while (true) {
                map.unlock(LOCK);
            }
        } catch (IllegalMonitorStateException released) {
            // this thread holds the lock no more (or never did)
        }
    }
}
