package org.tickerdesk.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.cluster.entity.LeaderToken;
import org.tickerdesk.testing.LoopbackGrid;

/**
 * The lock-and-token protocol on real Hazelcast 5.3.8 members in this JVM, joined over TCP on the
 * loopback interface (no multicast), each under a cluster name of its own so that no other grid on
 * the machine joins in.
 */
class LeaderLeaseTest {

    private static final Duration PERIOD = Duration.ofMillis(100);

    /** Away from Payara's 6900 and Hazelcast's 5701, should either run on the machine. */
    private static final int FIRST_PORT = 5_911;

    private final LoopbackGrid members = new LoopbackGrid(FIRST_PORT);
    private int started;
    private final List<LeaderLease> leases = new ArrayList<>();

    /** The terms as the members' shared database counts them. */
    private final CountingFence fence = new CountingFence();

    static final class CountingFence implements TermFence {
        final AtomicLong term = new AtomicLong();

        @Override
        public long claim(String member, Instant at) {
            return term.incrementAndGet();
        }

        @Override
        public long newest() {
            return term.get();
        }
    }

    /** One member and what its lease told. */
    private record Candidate(HazelcastInstance grid, LeaderLease lease, List<String> told) {
        boolean leads() {
            return lease.held().isPresent();
        }
    }

    @AfterEach
    void stop() {
        leases.forEach(LeaderLease::stop);
        members.close();
    }

    @Test
    void oneOfTwoMembersLeadsAndTheOtherFollowsKnowingWho() throws InterruptedException {
        Candidate first = candidate();
        awaitTrue(first::leads, "the first member leads alone");
        Candidate second = candidate();
        awaitTrue(() -> second.grid().getCluster().getMembers().size() == 2, "two members");
        Thread.sleep(PERIOD.toMillis() * 5);

        assertTrue(first.leads());
        assertFalse(second.leads(), "the lock is taken: the second follows");
        assertEquals(List.of("leads"), first.told());
        assertEquals(List.of(), second.told());
        LeaderToken seen = second.lease().seen().orElseThrow();
        assertEquals(uuid(first), seen.member());
        assertEquals(1, seen.term());
    }

    @Test
    void whenTheLeadersMemberShutsDownTheOtherLeadsWithinSeconds() {
        Candidate first = candidate();
        awaitTrue(first::leads, "the first member leads");
        Candidate second = candidate();
        awaitTrue(() -> second.grid().getCluster().getMembers().size() == 2, "two members");

        long start = System.nanoTime();
        first.grid().shutdown();
        awaitTrue(second::leads, "the second member takes over");

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(seconds(5)) < 0);
        LeaderToken token = second.lease().held().orElseThrow();
        assertEquals(uuid(second), token.member());
        assertEquals(2, token.term(), "the term after the first leader's");
    }

    @Test
    void whenTheLeadersMemberIsTerminatedTheOtherLeadsWithinSeconds() {
        Candidate first = candidate();
        awaitTrue(first::leads, "the first member leads");
        Candidate second = candidate();
        awaitTrue(() -> second.grid().getCluster().getMembers().size() == 2, "two members");

        long start = System.nanoTime();
        first.grid().getLifecycleService().terminate();
        awaitTrue(second::leads, "the second member takes over");

        assertTrue(
                Duration.ofNanos(System.nanoTime() - start).compareTo(seconds(5)) < 0,
                "took over in " + Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    void aLeaderWhoseTokenWasOverwrittenStepsDownAndReleasesTheLock() {
        Candidate first = candidate();
        awaitTrue(first::leads, "the first member leads");
        Candidate second = candidate();
        awaitTrue(() -> second.grid().getCluster().getMembers().size() == 2, "two members");
        second.lease().stop();
        String intruder = new LeaderToken(7, uuid(second), Clock.systemUTC().instant()).text();

        second.grid().<String, String>getMap(LeaderLease.MAP).set(LeaderLease.TOKEN, intruder);

        awaitTrue(() -> first.told().contains("follows"), "the first member steps down");
        assertEquals("leads", first.told().get(0));
        awaitTrue(
                () -> first.leads() && first.lease().held().get().term() == 2,
                "no one else competes: it takes the free lock again, in the next term counted");
    }

    /**
     * Its next check takes the lock again (Hazelcast's map locks are reentrant, so a check cannot
     * tell a lock it holds from a free one without taking it), and nothing else changes.
     */
    @Test
    void aLeaderWhoseLockWasForciblyReleasedTakesItBackWhenNoOneElseDid() {
        Candidate first = candidate();
        awaitTrue(first::leads, "the first member leads");
        IMap<String, String> map = first.grid().getMap(LeaderLease.MAP);

        map.forceUnlock(LeaderLease.LOCK);

        awaitTrue(() -> map.isLocked(LeaderLease.LOCK), "the lock is taken again");
        assertTrue(first.leads());
        assertEquals(List.of("leads"), first.told(), "it never stepped down");
    }

    /**
     * As after a split grid merged: the woken old leader still finds its lock and token in the
     * grid, but a newer term was counted meanwhile. It steps down and leaves the lead alone for a
     * while, so that the member that replaced it takes it back.
     */
    @Test
    void aLeaderReplacedByANewerTermStepsDownThoughTheGridKeptItsLockAndToken()
            throws InterruptedException {
        Candidate first = candidate();
        awaitTrue(first::leads, "the first member leads");

        fence.claim("the member that replaced it", Instant.now());

        awaitTrue(() -> first.told().contains("follows"), "the old leader steps down");
        Thread.sleep(PERIOD.toMillis() * (LeaderLease.FENCED_OUT_PERIODS / 2));
        assertFalse(first.leads(), "it does not compete at once");
        awaitTrue(first::leads, "alone, it leads again in the end");
        assertEquals(3, first.lease().held().orElseThrow().term(), "in a term after the newer one");
    }

    /**
     * The other way round: the merge kept the older leader's token, the newest leader writes its
     * own again and keeps leading.
     */
    @Test
    void theNewestLeaderWritesItsTokenAgainOverAnOlderOneAMergeLeft() {
        Candidate first = candidate();
        awaitTrue(first::leads, "the first member leads");
        IMap<String, String> map = first.grid().getMap(LeaderLease.MAP);
        String older = new LeaderToken(0, "an-older-leader", Instant.EPOCH).text();

        map.set(LeaderLease.TOKEN, older);

        awaitTrue(
                () -> first.lease().held().orElseThrow().text().equals(map.get(LeaderLease.TOKEN)),
                "its own token again");
        assertEquals(List.of("leads"), first.told(), "it never stepped down");
    }

    @Test
    void aStoppedLeaderReleasesTheLockAndAnotherTakesItAtOnce() {
        Candidate first = candidate();
        awaitTrue(first::leads, "the first member leads");
        Candidate second = candidate();
        awaitTrue(() -> second.grid().getCluster().getMembers().size() == 2, "two members");

        first.lease().stop();

        awaitTrue(second::leads, "the second member takes over");
        assertEquals(List.of("leads", "follows"), first.told());
        assertNotEquals(uuid(first), second.lease().held().orElseThrow().member(), "a new leader");
    }

    private Candidate candidate() {
        HazelcastInstance grid = members.member();
        List<String> told = new CopyOnWriteArrayList<>();
        LeaderLease lease =
                new LeaderLease(
                        grid,
                        PERIOD,
                        Clock.systemUTC(),
                        fence,
                        new LeaderLease.Listener() {
                            @Override
                            public void leads(LeaderToken token) {
                                told.add("leads");
                            }

                            @Override
                            public void follows(String reason) {
                                told.add("follows");
                            }
                        });
        leases.add(lease);
        Thread thread = new Thread(lease, "lease-" + ++started);
        thread.setDaemon(true);
        thread.start();
        return new Candidate(grid, lease, told);
    }

    private static String uuid(Candidate candidate) {
        return candidate.grid().getCluster().getLocalMember().getUuid().toString();
    }

    private static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    /** Waits up to 20 s for the condition; also the leadership bean's tests' wait. */
    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + seconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 20 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
