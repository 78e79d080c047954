package org.tickerdesk.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.testing.LoopbackGrid;

/** Requests between two real data-grid members in this JVM: the leader alone acts on them. */
class LeaderInboxTest {

    private final LoopbackGrid grid = new LoopbackGrid(5_951);
    private final List<LeaderInbox> inboxes = new ArrayList<>();

    @AfterEach
    void stop() {
        inboxes.forEach(LeaderInbox::close);
        grid.close();
    }

    private LeaderInbox inboxOn(HazelcastInstance member, BooleanSupplier leading) {
        LeaderInbox inbox = new LeaderInbox(member, leading, Executors.defaultThreadFactory());
        inboxes.add(inbox);
        return inbox;
    }

    @Test
    void whatAnyMemberPostsReachesTheLeaderInItsOrderAndNoOtherMember() throws Exception {
        HazelcastInstance first = grid.member();
        HazelcastInstance second = grid.member();
        await(
                () ->
                        first.getCluster().getMembers().size() == 2
                                && second.getCluster().getMembers().size() == 2,
                "two members, as each sees it");
        AtomicBoolean firstLeads = new AtomicBoolean(true);
        LeaderInbox atFirst = inboxOn(first, firstLeads::get);
        AtomicInteger secondWeighed = new AtomicInteger();
        LeaderInbox atSecond =
                inboxOn(
                        second,
                        () -> {
                            secondWeighed.incrementAndGet();
                            return !firstLeads.get();
                        });
        List<String> firstActed = new CopyOnWriteArrayList<>();
        List<String> secondActed = new CopyOnWriteArrayList<>();
        atFirst.receive("orders", firstActed::add);
        atSecond.receive("orders", secondActed::add);

        atSecond.post("orders", "place a");
        atFirst.post("orders", "place b");
        atSecond.post("orders", "cancel a");
        await(() -> firstActed.size() == 3, "three requests at the leader");
        assertTrue(firstActed.contains("place b"), firstActed.toString());
        assertTrue(
                firstActed.indexOf("place a") < firstActed.indexOf("cancel a"),
                "one member's requests in the order it posted them: " + firstActed);
        // The grid delivers to each member on its own time: the lead may only change hands once
        // the other member has heard, and dropped, these three as well.
        await(() -> secondWeighed.get() == 3, "the three requests dropped at the other member");
        assertEquals(List.of(), secondActed);

        firstLeads.set(false);
        atFirst.post("orders", "place c");
        await(() -> secondActed.size() == 1, "the request at the new leader");
        assertEquals(List.of("place c"), secondActed);
        assertEquals(3, firstActed.size(), "the old leader drops what it no longer leads for");
    }

    @Test
    void aMailboxHearsOnlyWhatIsPostedToIt() throws Exception {
        HazelcastInstance only = grid.member();
        LeaderInbox inbox = inboxOn(only, () -> true);
        List<String> orders = new CopyOnWriteArrayList<>();
        List<String> positions = new CopyOnWriteArrayList<>();
        inbox.receive("orders", orders::add);
        inbox.receive("positions", positions::add);

        inbox.post("positions", "42");
        inbox.post("orders", "place z");

        await(() -> orders.size() == 1 && positions.size() == 1, "one request in each");
        assertEquals(List.of("42"), positions);
        assertEquals(List.of("place z"), orders);
    }

    @Test
    void standaloneThereIsNoOneToPostTo() {
        LeaderInbox standalone = new LeaderInbox();
        assertEquals(false, standalone.active());
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> standalone.post("orders", "x"));
        assertEquals("Not clustered: there is no other member to ask", refused.getMessage());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 20 s for " + what);
            Thread.sleep(20);
        }
    }
}
