package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.testing.FixedLeadership;
import org.tickerdesk.testing.FixedLeadership.Leader;
import org.tickerdesk.testing.SettableClock;
import org.tickerdesk.trading.entity.BrokerStatus;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.WorkingOrder;

/**
 * Two members' order desks over one store (the cluster's one database) and one leader inbox: only
 * the leading member's brokers see orders, whichever member took them.
 */
class OrderDeskInClusterTest {

    private static final Instant NOW = Instant.parse("2025-11-21T15:00:00Z");

    private final Map<String, Quote> latest = new HashMap<>();
    private final InMemoryOrderStore store = new InMemoryOrderStore();
    private final SettableClock clock = new SettableClock(NOW);
    private final Inbox inbox = new Inbox();
    private final List<PaperBroker> papers = new ArrayList<>();

    /** The grid's topic as a member sees it: every post reaches every desk that listens. */
    private static final class Inbox extends LeaderInbox {
        final List<String> posted = new ArrayList<>();
        final List<Consumer<String>> listeners = new ArrayList<>();

        @Override
        public boolean active() {
            return true;
        }

        @Override
        public void post(String mailbox, String key) {
            posted.add(mailbox + ": " + key);
            List.copyOf(listeners).forEach(listener -> listener.accept(key));
        }

        @Override
        public synchronized void receive(String mailbox, Consumer<String> consumer) {
            listeners.add(consumer);
        }

        final List<Consumer<String>> answerListeners = new ArrayList<>();

        @Override
        public void announce(String mailbox, String key) {
            List.copyOf(answerListeners).forEach(listener -> listener.accept(key));
        }

        @Override
        public synchronized void onAnnouncement(String mailbox, Consumer<String> consumer) {
            answerListeners.add(consumer);
        }
    }

    private OrderDesk member(Broker broker) {
        PaperBroker paper = PaperBrokers.over(latest, 1, clock);
        papers.add(paper);
        return OrderDesks.over(
                store,
                broker == null ? paper : broker,
                paper,
                Map.of("AAPL", Contract.stock("AAPL", "NASDAQ")),
                clock,
                new ArrayList<>(),
                new FixedLeadership(Leader.ANOTHER_MEMBER),
                inbox);
    }

    private void tick(String bid, String ask) {
        Quote quote = LiveQuotes.aapl(bid, ask);
        latest.put("AAPL", quote);
        papers.forEach(paper -> paper.onQuote(quote));
    }

    private static OrderInput limit(String id, String price) {
        return new OrderInput(id, "AAPL", "BUY", "100", "LMT", price, null, "GTC");
    }

    @Test
    void anOrderTakenByAMemberThatDoesNotLeadIsFilledByTheLeadersPaperBroker() {
        tick("189.51", "189.55");
        OrderDesk leader = member(null);
        OrderDesk follower = member(null);
        leader.lead();

        OrderSnapshot order =
                follower.place(new OrderInput("f-1", "AAPL", "BUY", "100", "MKT", null, null, null))
                        .order();

        assertEquals(OrderState.FILLED, order.status(), "answered as the leader's broker left it");
        assertEquals(new BigDecimal("189.56"), order.avgFillPrice(), "the ask and one tick");
        assertEquals(1, order.fills().size(), "filled once, by one member's paper broker");
        assertEquals(List.of("orders: place f-1"), inbox.posted);
    }

    @Test
    void aRequestThatArrivesTwiceSendsTheOrderOnce() {
        StubBroker atLeader = new StubBroker();
        StubBroker atFollower = new StubBroker();
        OrderDesk leader = member(atLeader);
        OrderDesk follower = member(atFollower);
        leader.lead();

        follower.place(limit("f-2", "180.00"));
        inbox.post(OrderRoute.MAILBOX, "place f-2");
        atLeader.events.accept(new OrderEvent.Accepted("f-2", "7"));
        inbox.post(OrderRoute.MAILBOX, "place f-2");

        assertEquals(
                List.of("f-2"), atLeader.placed.stream().map(OrderTicket::clientOrderId).toList());
        assertTrue(atFollower.placed.isEmpty(), "a member that does not lead sends nothing");
        assertTrue(atFollower.startedWith.isEmpty() && atFollower.events == null);
    }

    @Test
    void aCancelTakenByAMemberThatDoesNotLeadIsCarriedOutByTheLeader() {
        tick("189.51", "189.55");
        OrderDesk leader = member(null);
        OrderDesk follower = member(null);
        leader.lead();
        follower.place(limit("f-3", "180.00"));

        OrderSnapshot cancelled = follower.cancel("f-3").orElseThrow();

        assertEquals(OrderState.CANCELLED, cancelled.status());
        assertEquals(List.of("orders: place f-3", "orders: cancel f-3"), inbox.posted);
    }

    @Test
    void takingTheLeadStartsTheBrokersWithWhatWasStoredMeanwhileAndLosingItStopsThePaperBroker() {
        StubBroker live = new StubBroker("ibkr", true);
        OrderDesk follower = member(live);
        follower.place(limit("f-4", "180.00"));
        assertTrue(live.placed.isEmpty(), "no member leads: the order waits, stored");

        follower.lead();
        assertEquals(
                List.of("f-4"),
                live.startedWith.stream().map(WorkingOrder::clientOrderId).toList(),
                "found again as a working order, not sent a second time");
        assertTrue(live.placed.isEmpty());

        follower.place(
                new OrderInput(
                        "f-5", "AAPL", "BUY", "100", "LMT", "180.00", null, "GTC", null, true));
        follower.follow();
        tick("179.90", "179.95");
        assertEquals(
                OrderState.SUBMITTED,
                store.find("f-5").orElseThrow().status(),
                "the paper broker stopped with the lead: its resting order does not fill here");
    }

    @Test
    void aMemberThatDoesNotLeadSaysItsOrdersGoToTheLeader() {
        OrderDesk follower = member(new StubBroker("ibkr", true));
        BrokerStatus status = follower.broker();
        assertEquals("ibkr", status.name());
        assertTrue(status.live());
        assertEquals(
                "Orders go to the leading member, which holds the ibkr broker", status.detail());
        follower.lead();
        assertFalse(follower.broker().detail().startsWith("Orders go to the leading member"));
    }
}
