package org.tickerdesk.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.cluster.entity.ClusterView;
import org.tickerdesk.cluster.entity.LeadershipChanged;
import org.tickerdesk.testing.DaemonThreads;
import org.tickerdesk.testing.LoopbackGrid;
import org.tickerdesk.testing.RecordingEvent;

/**
 * The singleton every instance runs: standalone it leads from start-up and tells nobody; in a
 * cluster (real Hazelcast members on the loopback) it fires {@link LeadershipChanged} on every
 * change and shows the members, the leader and since when.
 */
class LeadershipTest {

    /** The terms as the members' shared database counts them. */
    private final LeaderLeaseTest.CountingFence fence = new LeaderLeaseTest.CountingFence();

    private static final Instant NOW = Instant.parse("2025-11-20T14:30:00Z");

    /** Away from the lease test's ports, so that the two never meet. */
    private static final int FIRST_PORT = 5_931;

    private final LoopbackGrid grids = new LoopbackGrid(FIRST_PORT);
    private final List<Leadership> beans = new ArrayList<>();

    @AfterEach
    void stop() {
        beans.forEach(Leadership::stop);
        grids.close();
    }

    @Test
    void standaloneTheInstanceLeadsFromStartUpWithoutAnEvent() {
        List<LeadershipChanged> told = new CopyOnWriteArrayList<>();
        Leadership alone = bean(false, null, told);

        assertTrue(alone.leading());
        ClusterView view = alone.view();
        assertFalse(view.clustered());
        assertTrue(view.leading());
        assertEquals(NOW, view.since());
        ClusterMember self = view.members().get(0);
        assertEquals(1, view.members().size());
        assertTrue(self.local() && self.leader());
        assertEquals("standalone", self.address(), "no grid to name an address");
        assertEquals(List.of(), told, "nothing changed");
    }

    @Test
    void clusteredWithoutADataGridItRefusesToStart() {
        IllegalStateException refused =
                assertThrows(
                        IllegalStateException.class,
                        () -> bean(true, null, new CopyOnWriteArrayList<>()));

        assertEquals(
                "TICKERDESK_CLUSTER=true but Payara's data grid (payara/Hazelcast) is not"
                        + " available: no member could lead",
                refused.getMessage());
    }

    @Test
    void inAClusterOneLeadsTheOtherFollowsAndBothShowTheSameLeader() {
        List<LeadershipChanged> firstTold = new CopyOnWriteArrayList<>();
        HazelcastInstance firstGrid = grid();
        Leadership first = bean(true, firstGrid, firstTold);
        LeaderLeaseTest.awaitTrue(first::leading, "the first leads");
        List<LeadershipChanged> secondTold = new CopyOnWriteArrayList<>();
        HazelcastInstance secondGrid = grid();
        Leadership second = bean(true, secondGrid, secondTold);
        LeaderLeaseTest.awaitTrue(
                () -> second.view().leader().isPresent(), "the second knows the leader");

        String firstId = firstGrid.getCluster().getLocalMember().getUuid().toString();
        assertEquals(List.of(new LeadershipChanged(true, firstId, NOW)), firstTold);
        assertFalse(second.leading());
        assertEquals(List.of(), secondTold, "a follower from the start has nothing to tell");
        ClusterView seen = second.view();
        assertTrue(seen.clustered());
        assertEquals(2, seen.members().size());
        ClusterMember leader = seen.leader().orElseThrow();
        assertEquals(firstId, leader.uuid());
        assertFalse(leader.local());
        assertEquals(NOW, seen.since());
        assertFalse(seen.local().orElseThrow().leader());
        assertEquals(
                "127.0.0.1:" + firstGrid.getCluster().getLocalMember().getAddress().getPort(),
                leader.address());
        assertEquals(first.view().leader(), seen.leader().map(m -> asLocal(m, true)));
    }

    @Test
    void whenTheLeaderIsTerminatedTheOtherLeadsAndSaysSo() {
        HazelcastInstance firstGrid = grid();
        Leadership first = bean(true, firstGrid, new CopyOnWriteArrayList<>());
        LeaderLeaseTest.awaitTrue(first::leading, "the first leads");
        List<LeadershipChanged> secondTold = new CopyOnWriteArrayList<>();
        HazelcastInstance secondGrid = grid();
        Leadership second = bean(true, secondGrid, secondTold);
        LeaderLeaseTest.awaitTrue(() -> second.view().members().size() == 2, "two members");

        firstGrid.getLifecycleService().terminate();

        LeaderLeaseTest.awaitTrue(second::leading, "the second takes over");
        // told on the lease's thread just after it leads
        LeaderLeaseTest.awaitTrue(() -> !secondTold.isEmpty(), "the second is told");
        String secondId = secondGrid.getCluster().getLocalMember().getUuid().toString();
        assertEquals(List.of(new LeadershipChanged(true, secondId, NOW)), secondTold);
        ClusterView view = second.view();
        assertEquals(1, view.members().size());
        assertTrue(view.leader().orElseThrow().local());
    }

    @Test
    void aFollowerSeesNoLeaderOnceTheLeaderLeftAndBeforeAnotherTookOver() {
        HazelcastInstance firstGrid = grid();
        Leadership first = bean(true, firstGrid, new CopyOnWriteArrayList<>());
        LeaderLeaseTest.awaitTrue(first::leading, "the first leads");
        HazelcastInstance secondGrid = grid();
        Leadership second = bean(true, secondGrid, new CopyOnWriteArrayList<>());
        LeaderLeaseTest.awaitTrue(
                () -> second.view().leader().isPresent(), "the second knows the leader");
        second.stop();

        firstGrid.getLifecycleService().terminate();
        LeaderLeaseTest.awaitTrue(() -> second.view().members().size() == 1, "the leader left");

        assertTrue(second.view().leader().isEmpty(), "a dead member's token names no leader");
        assertNull(second.view().since());
    }

    private static ClusterMember asLocal(ClusterMember member, boolean local) {
        return new ClusterMember(member.uuid(), member.address(), local, member.leader());
    }

    private Leadership bean(
            boolean clustered, HazelcastInstance grid, List<LeadershipChanged> told) {
        Leadership bean = new Leadership();
        bean.clustered = clustered;
        bean.grid = grid;
        bean.changed = new RecordingEvent<>(told);
        bean.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        bean.threads = new DaemonThreads("leadership-test");
        bean.fence = fence;
        bean.start();
        beans.add(bean);
        return bean;
    }

    private HazelcastInstance grid() {
        return grids.member();
    }
}
