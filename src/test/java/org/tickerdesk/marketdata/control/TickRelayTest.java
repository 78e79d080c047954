package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.NumberedQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.testing.LoopbackGrid;

/**
 * Ticks between two real data-grid members in this JVM: all of them, in order, with their numbers,
 * to the others, each naming the member that published it as its leader.
 */
class TickRelayTest {

    private final LoopbackGrid grid = new LoopbackGrid(5_931);
    private final List<TickRelay> relays = new ArrayList<>();

    @AfterEach
    void stop() {
        relays.forEach(TickRelay::close);
        grid.close();
    }

    private TickRelay relayOn(HazelcastInstance member) {
        TickRelay relay = new TickRelay(member, Executors.defaultThreadFactory());
        relays.add(relay);
        return relay;
    }

    private static NumberedQuote tick(int n, HazelcastInstance leader) {
        double last = 100 + n / 100.0;
        return new NumberedQuote(
                new Quote(
                        "AAPL", last - 0.01, last + 0.01, last, 1, 1, 1, n, n, MarketDataType.LIVE),
                3,
                leader.getCluster().getLocalMember().getUuid().toString(),
                n);
    }

    @Test
    void everyTickOfTheLeaderReachesTheOtherMemberInOrderAndNotItself() throws Exception {
        HazelcastInstance first = grid.member();
        HazelcastInstance second = grid.member();
        await(() -> second.getCluster().getMembers().size() == 2, "two members");
        TickRelay leader = relayOn(first);
        TickRelay follower = relayOn(second);
        List<NumberedQuote> atLeader = new CopyOnWriteArrayList<>();
        List<NumberedQuote> atFollower = new CopyOnWriteArrayList<>();
        leader.listen(atLeader::add);
        follower.listen(atFollower::add);

        List<NumberedQuote> sent = new ArrayList<>();
        for (int n = 1; n <= 5_000; n++) {
            NumberedQuote quote = tick(n, first);
            sent.add(quote);
            leader.publish(quote);
        }

        await(() -> atFollower.size() == sent.size(), "all 5,000 ticks at the follower");
        assertEquals(sent, atFollower);
        assertEquals(List.of(), atLeader, "a member does not take back its own ticks");
        assertEquals(0, follower.dropped());
    }

    @Test
    void anUnreadableMessageIsSkippedAndTheTicksAfterItArrive() throws Exception {
        HazelcastInstance first = grid.member();
        HazelcastInstance second = grid.member();
        await(() -> second.getCluster().getMembers().size() == 2, "two members");
        TickRelay follower = relayOn(second);
        List<NumberedQuote> received = new CopyOnWriteArrayList<>();
        follower.listen(received::add);

        first.<byte[]>getTopic(TickRelay.TOPIC).publish(new byte[] {1, 2, 3});
        relayOn(first).publish(tick(7, first));

        await(() -> received.size() == 1, "the tick after the bad message");
        assertEquals(List.of(tick(7, first)), received);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 20 s for " + what);
            Thread.sleep(20);
        }
    }
}
