package org.tickerdesk.ibkr.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.ibkr.faketws.FakeTwsScript;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.ibkr.faketws.OpenOrderMessage;
import org.tickerdesk.ibkr.faketws.ServerMessages;
import org.tickerdesk.ibkr.faketws.TestThreads;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.trading.control.OrderRefusedException;
import org.tickerdesk.trading.entity.Holding;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;
import org.tickerdesk.trading.entity.WorkingOrder;

/**
 * The IBKR broker against the fake TWS, which fills every order at once, except RESTING (left open)
 * and REJECTED (error 201), and remembers open orders and executions across connections.
 */
class IbkrBrokerTest {

    private static final Instant PLACED = Instant.parse("2025-11-21T14:59:00Z");

    private FakeTwsServer server;
    private TwsSession session;
    private IbkrBroker broker;
    private final RecordingEvents events = new RecordingEvents();

    private void start(int serverVersion, List<WorkingOrder> working) throws Exception {
        if (server == null) {
            server = new FakeTwsServer(serverVersion);
        }
        session = TestThreads.session(server.port(), 10);
        broker = new IbkrBroker(session);
        broker.start(events, working);
        server.nextRequest(8);
    }

    @AfterEach
    void stop() throws IOException {
        if (broker != null) {
            broker.close();
        }
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static OrderTicket ticket(
            String ref,
            String symbol,
            Side side,
            OrderType type,
            String limit,
            String stop,
            TimeInForce tif) {
        return new OrderTicket(
                ref,
                Contract.stock(symbol, "NASDAQ"),
                side,
                new BigDecimal("100"),
                type,
                limit == null ? null : new BigDecimal(limit),
                stop == null ? null : new BigDecimal(stop),
                tif);
    }

    private static OrderTicket market(String ref, String symbol) {
        return ticket(ref, symbol, Side.BUY, OrderType.MKT, null, null, TimeInForce.DAY);
    }

    /** The stored order after applying everything the broker reported about it. */
    private Order applied(OrderTicket ticket) {
        Order order = new Order(ticket, IbkrBroker.NAME, PLACED);
        events.about(ticket.clientOrderId()).forEach(e -> order.apply(e, PLACED));
        return order;
    }

    private static WorkingOrder working(OrderTicket ticket, String brokerOrderId) {
        Order order = new Order(ticket, IbkrBroker.NAME, PLACED);
        if (brokerOrderId != null) {
            order.apply(new OrderEvent.Accepted(ticket.clientOrderId(), brokerOrderId), PLACED);
        }
        return new WorkingOrder(ticket, order.snapshot(true));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void anOrderGoesOutOnceUnderItsOrderRefAndItsFillAndCommissionComeBack(int serverVersion)
            throws Exception {
        start(serverVersion, List.of());
        OrderTicket ticket = market("td-1", "AAPL");
        broker.place(ticket);
        List<String> placed = server.nextRequest(3);
        assertEquals(String.valueOf(FakeTwsScript.NEXT_ORDER_ID), placed.get(1));
        assertEquals(List.of("BUY", "100", "MKT", "", "", "DAY"), placed.subList(16, 22));
        assertEquals("td-1", placed.get(26), "orderRef");

        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, "td-1");
        assertEquals(new BigDecimal("189.53"), fill.price());
        assertEquals(Instant.parse("2025-11-21T15:00:01Z"), fill.time(), "10:00:01 US/Eastern");
        events.await(OrderEvent.Charged.class, "td-1");
        assertEquals(new OrderEvent.Sent("td-1", "101"), events.all.get(0));
        OrderSnapshot order = applied(ticket).snapshot(true);
        assertEquals(OrderState.FILLED, order.status());
        assertEquals(new BigDecimal("189.53"), order.avgFillPrice());
        assertEquals(new BigDecimal("1"), order.commission());
        assertEquals("101", order.brokerOrderId());
    }

    @Test
    void startedAgainWhenItsMemberTakesTheLeadItReportsEachEventOnce() throws Exception {
        start(178, List.of());
        broker.start(events, List.of());
        OrderTicket ticket = market("td-12", "AAPL");
        broker.place(ticket);
        events.await(OrderEvent.Charged.class, "td-12");
        assertEquals(
                1,
                events.about("td-12").stream().filter(OrderEvent.Filled.class::isInstance).count(),
                "one listener on the session, not one per start");
    }

    @Test
    void aStopLimitGoesOutInIbsSpelling() throws Exception {
        start(178, List.of());
        broker.place(
                ticket(
                        "td-2",
                        "RESTING",
                        Side.SELL,
                        OrderType.STP_LMT,
                        "180.50",
                        "181.00",
                        TimeInForce.GTC));
        assertEquals(
                List.of("SELL", "100", "STP LMT", "180.50", "181.00", "GTC"),
                server.nextRequest(3).subList(16, 22));
        events.await(OrderEvent.Accepted.class, "td-2");
    }

    @Test
    void aGtcStopInAnOcaGroupGoesOutWithItsGroupAndCancelsTheOthersWithBlock() throws Exception {
        start(178, List.of());
        broker.place(
                new OrderTicket(
                        "td-11",
                        Contract.stock("RESTING", "NASDAQ"),
                        Side.SELL,
                        new BigDecimal("100"),
                        OrderType.STP,
                        null,
                        new BigDecimal("175.25"),
                        TimeInForce.GTC,
                        "pos-7"));
        List<String> placed = server.nextRequest(3);
        assertEquals(
                List.of("SELL", "100", "STP", "", "175.25", "GTC", "pos-7"),
                placed.subList(16, 23));
        assertEquals("1", placed.get(46), "ocaType at 178, after exemptCode");
        events.await(OrderEvent.Accepted.class, "td-11");
    }

    @Test
    void theBrokerReportsTheHoldingsTwsListsAfterItsOrderSync() throws Exception {
        server = new FakeTwsServer(178);
        ServerMessages m = new ServerMessages(178);
        server.positions.add(m.stockPosition("DU123456", 265598, "AAPL", "100", "189.2534"));
        server.positions.add(m.stockPosition("DU654321", 72063691, "BRK B", "-5", "412.10"));
        start(178, List.of());
        assertEquals(List.of("61", "1"), server.nextRequest(61), "after reqIds");
        List<Holding> expected =
                List.of(
                        new Holding(
                                "DU123456",
                                "AAPL",
                                new BigDecimal("100"),
                                new BigDecimal("189.2534")),
                        new Holding(
                                "DU654321",
                                "BRK.B",
                                new BigDecimal("-5"),
                                new BigDecimal("412.10")));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!broker.holdings().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, broker.holdings());
    }

    @Test
    void afterADroppedConnectionAWorkingOrderIsFoundByItsOrderRefAndNotSentAgain()
            throws Exception {
        start(178, List.of());
        broker.place(
                ticket(
                        "td-3",
                        "RESTING",
                        Side.BUY,
                        OrderType.LMT,
                        "180.00",
                        null,
                        TimeInForce.GTC));
        server.nextRequest(3);
        events.await(OrderEvent.Accepted.class, "td-3");

        server.dropConnection();
        server.nextRequest(71);
        assertEquals("5", server.nextRequest().get(0), "reqOpenOrders after the reconnect");
        List<String> executions = server.nextRequest();
        assertEquals("7", executions.get(0), "then reqExecutions");
        assertTrue(
                Integer.parseInt(executions.get(2)) >= TwsSession.FIRST_REQUEST_ID,
                "never an order id");
        events.awaitCount(OrderEvent.Accepted.class, "td-3", 2);

        broker.place(market("td-4", "AAPL"));
        events.await(OrderEvent.Filled.class, "td-4");
        List<List<String>> sent = server.drainRequests();
        assertEquals(
                1,
                sent.stream().filter(r -> r.get(0).equals("3")).count(),
                "only td-4 went out: " + sent);
        assertEquals(
                "td-4",
                sent.stream().filter(r -> r.get(0).equals("3")).findFirst().orElseThrow().get(26));
        assertFalse(
                events.about("td-3").stream().anyMatch(OrderEvent.Lost.class::isInstance),
                events.all.toString());
        assertEquals(
                OrderState.SUBMITTED,
                applied(
                                ticket(
                                        "td-3",
                                        "RESTING",
                                        Side.BUY,
                                        OrderType.LMT,
                                        "180.00",
                                        null,
                                        TimeInForce.GTC))
                        .status());
    }

    @Test
    void afterARestartOrdersAreFoundOpenFilledOrOfUnknownFateAndNoneIsSentAgain() throws Exception {
        server = new FakeTwsServer(178);
        OrderTicket open =
                ticket("td-7", "RESTING", Side.BUY, OrderType.LMT, "180.00", null, TimeInForce.GTC);
        OrderTicket filledMeanwhile = market("td-8", "AAPL");
        OrderTicket neverArrived = market("td-9", "AAPL");
        server.openOrders.put(
                105,
                OpenOrderMessage.of(
                        178,
                        105,
                        "RESTING",
                        "BUY",
                        "100",
                        "LMT",
                        "180.00",
                        "",
                        "GTC",
                        "td-7",
                        "Submitted",
                        List.of("0")));
        server.executions.add(
                new FakeTwsScript.Executed(
                        106, "AAPL", "0001f4e8.6574a1b2.06.01", "BOT", "100", "189.53", "td-8"));

        start(
                178,
                List.of(
                        working(open, "105"),
                        working(filledMeanwhile, "106"),
                        working(neverArrived, null)));

        OrderEvent.Lost lost = events.await(OrderEvent.Lost.class, "td-9");
        assertTrue(lost.reason().contains("Tickerdesk does not send it again"), lost.reason());
        assertEquals(
                new OrderEvent.Accepted("td-7", "105"),
                events.await(OrderEvent.Accepted.class, "td-7"));
        assertEquals(OrderState.FILLED, applied(filledMeanwhile).status());
        assertEquals(new BigDecimal("1"), applied(filledMeanwhile).snapshot(true).commission());
        assertFalse(events.about("td-7").stream().anyMatch(OrderEvent.Lost.class::isInstance));
        assertFalse(events.about("td-8").stream().anyMatch(OrderEvent.Lost.class::isInstance));
        assertTrue(
                server.drainRequests().stream().noneMatch(r -> r.get(0).equals("3")),
                "nothing was placed");
        assertEquals(OrderState.UNKNOWN, applied(neverArrived).status());
    }

    @Test
    void aRejectionByTwsMarksTheOrderRejectedWithIbsText() throws Exception {
        start(200, List.of());
        OrderTicket ticket = market("td-5", "REJECTED");
        broker.place(ticket);
        OrderEvent.Rejected rejected = events.await(OrderEvent.Rejected.class, "td-5");
        assertEquals(
                "[201] Order rejected - reason:The contract is not available for trading.",
                rejected.reason());
        server.nextRequest(3);
        Order order = applied(ticket);
        assertEquals(OrderState.REJECTED, order.status());
        assertEquals(rejected.reason(), order.snapshot(false).reason());
    }

    @Test
    void aWorkingOrderIsCancelledAtTws() throws Exception {
        start(192, List.of());
        OrderTicket ticket =
                ticket("td-6", "RESTING", Side.BUY, OrderType.LMT, "180.00", null, TimeInForce.DAY);
        broker.place(ticket);
        events.await(OrderEvent.Accepted.class, "td-6");
        broker.cancel(applied(ticket).snapshot(false));
        assertEquals(List.of("4", "101"), server.nextRequest(4).subList(0, 2));
        events.await(OrderEvent.Cancelled.class, "td-6");
        assertEquals(OrderState.CANCELLED, applied(ticket).status());
        assertTrue(server.openOrders.isEmpty());
    }

    @Test
    void withoutTwsAnOrderIsRejectedUnsentAndACancelIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = nobody.getLocalPort();
        }
        session = TestThreads.session(closedPort, 10);
        broker = new IbkrBroker(session);
        broker.start(events, List.of());
        OrderTicket ticket = market("td-10", "AAPL");
        broker.place(ticket);
        OrderEvent.Rejected rejected = events.await(OrderEvent.Rejected.class, "td-10");
        assertTrue(
                rejected.reason().startsWith("Not connected to TWS at 127.0.0.1:" + closedPort),
                rejected.reason());
        assertTrue(rejected.reason().endsWith("the order was not sent"));
        assertThrows(
                OrderRefusedException.class, () -> broker.cancel(applied(ticket).snapshot(false)));
        assertFalse(broker.status().connected());
        assertEquals("LIVE BROKER: IBKR", broker.status().headline());
        assertFalse(session.awaitConnected(Duration.ofMillis(50)));
    }
}
