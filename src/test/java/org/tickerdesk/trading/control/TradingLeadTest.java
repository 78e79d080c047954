package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.testing.DaemonThreads;
import org.tickerdesk.testing.FixedLeadership;
import org.tickerdesk.testing.FixedLeadership.Leader;

/**
 * What taking and losing the lead does to trading, in which order, and that each happens once
 * however often leadership is announced.
 */
class TradingLeadTest {

    private final List<String> done = new CopyOnWriteArrayList<>();
    private final FixedLeadership leadership = new FixedLeadership(Leader.ANOTHER_MEMBER);

    private TradingLead lead(boolean clustered) {
        TradingLead lead = new TradingLead();
        lead.leadership = clustered ? leadership : new Leadership();
        lead.desk =
                new OrderDesk() {
                    @Override
                    public synchronized void lead() {
                        done.add("brokers start with their working orders");
                    }

                    @Override
                    public synchronized void follow() {
                        done.add("paper broker stops");
                    }
                };
        lead.engine =
                new ExitEngine() {
                    @Override
                    public void guard() {
                        done.add("engine guards");
                    }

                    @Override
                    public void watchOnly() {
                        done.add("engine only watches");
                    }
                };
        lead.keeper =
                new PositionKeeper() {
                    @Override
                    public void load() {
                        done.add("open positions tracked");
                    }
                };
        lead.positions =
                new Positions() {
                    @Override
                    public void resume() {
                        done.add("pending entries brought up to date");
                    }
                };
        lead.orders =
                new ExitOrders() {
                    @Override
                    public void resume() {
                        done.add("unfinished exits brought up to date");
                    }
                };
        lead.threads = new DaemonThreads("trading-lead-test");
        lead.open();
        return lead;
    }

    private static final List<String> TAKE =
            List.of(
                    "brokers start with their working orders",
                    "engine guards",
                    "open positions tracked",
                    "pending entries brought up to date",
                    "unfinished exits brought up to date");

    @Test
    void aServerAloneStartsTradingAtStartUpOnTheCallersThread() {
        lead(false).start();
        assertEquals(TAKE, done);
    }

    @Test
    void aMemberWatchesUntilItTakesTheLeadTradesThenAndOnlyWatchesAgainWhenItLosesIt()
            throws Exception {
        TradingLead lead = lead(true);
        lead.start();
        awaitSize(1);
        assertEquals(List.of("open positions tracked"), done, "watched, for their prices");
        done.clear();
        leadership.set(Leader.THIS_MEMBER);
        lead.changed(null);
        lead.changed(null);
        awaitSize(TAKE.size());
        leadership.set(Leader.ANOTHER_MEMBER);
        lead.changed(null);
        lead.changed(null);
        lead.close();

        List<String> expected = new ArrayList<>(TAKE);
        expected.add("engine only watches");
        expected.add("paper broker stops");
        assertEquals(expected, done, "each once, and the positions are not loaded again");
    }

    private void awaitSize(int size) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (done.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void aLeadLostAndTakenBackBeforeTheChangesRanEndsWhereLeadershipEnded() {
        leadership.set(Leader.THIS_MEMBER);
        TradingLead lead = lead(true);
        lead.start();
        leadership.set(Leader.ANOTHER_MEMBER);
        lead.changed(null);
        leadership.set(Leader.THIS_MEMBER);
        lead.changed(null);
        lead.close();

        assertEquals(TAKE, done.subList(0, TAKE.size()));
        List<String> rest = done.subList(TAKE.size(), done.size());
        assertEquals(
                rest.isEmpty()
                        ? List.of()
                        : concat(List.of("engine only watches", "paper broker stops"), TAKE),
                rest,
                "either the loss was never seen, or trading stood down and started again");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
