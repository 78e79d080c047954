package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.testing.SettableClock;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderUpdated;
import org.tickerdesk.trading.entity.WorkingOrder;

/**
 * The order desk with the paper broker (or a stub), the orders kept in memory, events applied at
 * once.
 */
class OrderDeskTest {

    private static final Instant NOW = Instant.parse("2025-11-21T15:00:00Z");

    private final Map<String, Quote> latest = new HashMap<>();
    private final Map<String, Contract> instruments =
            Map.of("AAPL", Contract.stock("AAPL", "NASDAQ"));
    private final InMemoryOrderStore store = new InMemoryOrderStore();
    private final List<OrderUpdated> announced = new ArrayList<>();
    private final SettableClock clock = new SettableClock(NOW);
    private final PaperBroker paper = PaperBrokers.over(latest, 1, clock);

    private OrderDesk desk(Broker broker) {
        return desk(broker, paper);
    }

    /** The desk with {@code broker} configured and {@code beside} as its paper broker. */
    private OrderDesk desk(Broker broker, PaperBroker beside) {
        return OrderDesks.over(
                store,
                broker,
                beside,
                instruments,
                clock,
                announced,
                new Leadership(),
                new LeaderInbox());
    }

    private void tick(String bid, String ask) {
        Quote quote = LiveQuotes.aapl(bid, ask);
        latest.put("AAPL", quote);
        paper.onQuote(quote);
    }

    private static OrderInput market(String id, String side) {
        return new OrderInput(id, "aapl", side, "100", "MKT", null, null, null);
    }

    private static OrderInput limit(String id, String price) {
        return new OrderInput(id, "AAPL", "BUY", "100", "LMT", price, null, "GTC");
    }

    @Test
    void aMarketOrderIsStoredBeforeItIsSentAndAnsweredFilled() {
        tick("189.51", "189.55");
        OrderDesk.Placement placement = desk(paper).place(market(null, "buy"));
        assertTrue(placement.created());
        OrderSnapshot order = placement.order();
        assertTrue(order.clientOrderId().matches("td-[0-9a-f]{32}"), order.clientOrderId());
        assertEquals(OrderState.FILLED, order.status());
        assertEquals(new BigDecimal("189.56"), order.avgFillPrice());
        assertEquals(BigDecimal.ZERO, order.commission());
        assertEquals(1, order.fills().size());
        assertEquals(
                OrderState.NEW,
                announced.get(0).order().status(),
                "announced as stored, before the broker");
        assertEquals(OrderState.FILLED, announced.get(announced.size() - 1).order().status());
        assertEquals("paper", order.broker());
    }

    @Test
    void theSameClientOrderIdTwiceGivesTheFirstOrderBackAndSendsNothing() {
        StubBroker broker = new StubBroker();
        OrderDesk desk = desk(broker);
        OrderDesk.Placement first = desk.place(limit("mine-1", "180.00"));
        OrderDesk.Placement again = desk.place(limit("mine-1", "180.0"));
        assertFalse(again.created());
        assertEquals(first.order(), again.order());
        assertEquals(1, broker.placed.size());
        assertEquals(1, desk.recent(10).size());
    }

    @Test
    void aClientOrderIdCannotNameASecondDifferentOrder() {
        OrderDesk desk = desk(new StubBroker());
        desk.place(limit("mine-2", "180.00"));
        OrderRefusedException refused =
                assertThrows(
                        OrderRefusedException.class, () -> desk.place(limit("mine-2", "181.00")));
        assertTrue(
                refused.getMessage().contains("belongs to another order (BUY 100 AAPL LMT)"),
                refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "null | BUY  | 100 | MKT    | null   | null  | null | symbol is required",
                "MSFT | BUY  | 100 | MKT    | null   | null  | null | No instrument MSFT is known",
                "AAPL | HOLD | 100 | MKT    | null   | null  | null | side must be BUY or SELL, not"
                        + " 'HOLD'",
                "AAPL | BUY  | 0   | MKT    | null   | null  | null | quantity must be above zero",
                "AAPL | BUY  | 1.5 | MKT    | null   | null  | null | quantity must be a whole"
                        + " number",
                "AAPL | BUY  | lots| MKT    | null   | null  | null | quantity must be a number",
                "AAPL | BUY  | null| MKT    | null   | null  | null | quantity is required",
                "AAPL | BUY  | 100 | IOC    | null   | null  | null | type must be MKT, LMT, STP or"
                        + " STP_LMT",
                "AAPL | BUY  | 100 | LMT    | null   | null  | null | LMT needs limitPrice",
                "AAPL | BUY  | 100 | MKT    | 189.50 | null  | null | MKT takes no limitPrice",
                "AAPL | BUY  | 100 | STP_LMT| 189.50 | null  | null | STP_LMT needs stopPrice",
                "AAPL | BUY  | 100 | LMT    | 189.555| null  | null | limitPrice 189.555 is not a"
                        + " multiple of AAPL's tick size 0.01",
                "AAPL | BUY  | 100 | STP    | null   | -1    | null | stopPrice must be above zero",
                "AAPL | BUY  | 100 | LMT    | 189.50 | null  | IOC  | tif must be DAY or GTC, not"
                        + " 'IOC'",
            })
    void badInputIsRefusedWithItsReasonAndNothingIsStoredOrSent(
            String symbol,
            String side,
            String quantity,
            String type,
            String limit,
            String stop,
            String tif,
            String reason) {
        StubBroker broker = new StubBroker();
        OrderInput input = new OrderInput(null, symbol, side, quantity, type, limit, stop, tif);
        InvalidOrderException e =
                assertThrows(InvalidOrderException.class, () -> desk(broker).place(input));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
        assertEquals(List.of(), store.recent(10));
        assertEquals(List.of(), broker.placed);
    }

    @Test
    void aBadClientOrderIdIsRefusedToo() {
        InvalidOrderException e =
                assertThrows(
                        InvalidOrderException.class,
                        () -> desk(paper).place(market("has space", "BUY")));
        assertTrue(e.getMessage().startsWith("clientOrderId must be 1 to 64"), e.getMessage());
    }

    @Test
    void aBrokerThatFailsLeavesTheOrderStoredAsRejectedWithTheReason() {
        StubBroker broker = new StubBroker();
        broker.failure = new IllegalStateException("socket gone");
        OrderSnapshot order = desk(broker).place(limit("mine-3", "180.00")).order();
        assertEquals(OrderState.REJECTED, order.status());
        assertEquals("The stub broker could not take the order: socket gone", order.reason());
    }

    @Test
    void aRestingOrderFillsOnALaterQuoteAndTheChangeIsAnnounced() {
        tick("189.51", "189.55");
        OrderDesk desk = desk(paper);
        assertEquals(OrderState.SUBMITTED, desk.place(limit("mine-4", "189.00")).order().status());
        announced.clear();
        tick("188.90", "188.95");
        OrderSnapshot order = desk.find("mine-4").orElseThrow();
        assertEquals(OrderState.FILLED, order.status());
        assertEquals(new BigDecimal("188.96"), order.avgFillPrice());
        assertEquals(OrderState.FILLED, announced.get(0).order().status());
    }

    @Test
    void aWorkingOrderIsCancelledOnceAndAnUnknownOneIsNotFound() {
        tick("189.51", "189.55");
        OrderDesk desk = desk(paper);
        desk.place(limit("mine-5", "180.00"));
        assertEquals(OrderState.CANCELLED, desk.cancel("mine-5").orElseThrow().status());
        OrderRefusedException refused =
                assertThrows(OrderRefusedException.class, () -> desk.cancel("mine-5"));
        assertEquals(
                "mine-5 is CANCELLED: only a working order can be cancelled", refused.getMessage());
        assertEquals(Optional.empty(), desk.cancel("nobody"));
    }

    @Test
    void anOrderOfAnotherBrokerIsNotCancelledHere() {
        desk(new StubBroker()).place(limit("mine-6", "180.00"));
        OrderRefusedException refused =
                assertThrows(OrderRefusedException.class, () -> desk(paper).cancel("mine-6"));
        assertTrue(
                refused.getMessage().contains("was sent to the stub broker"), refused.getMessage());
    }

    @Test
    void atStartTheBrokerGetsBackTheOrdersItHeldAndOnlyThose() {
        OrderDesk before = desk(new StubBroker());
        before.place(limit("mine-7", "180.00"));
        before.place(limit("mine-8", "181.00"));
        before.cancel("mine-8");
        StubBroker restarted = new StubBroker();
        desk(restarted);
        assertEquals(
                List.of("mine-7", "mine-8"),
                restarted.startedWith.stream().map(WorkingOrder::clientOrderId).toList(),
                "mine-8 is only pending cancel");
        assertEquals(new BigDecimal("180"), restarted.startedWith.get(0).ticket().limitPrice());
        assertTrue(restarted.placed.isEmpty(), "nothing is sent again");
    }

    @Test
    void besideALiveBrokerAPaperOrderGoesToThePaperBrokerAndIsStoredSo() {
        tick("189.51", "189.55");
        StubBroker ibkr = new StubBroker("ibkr", true);
        OrderDesk desk = desk(ibkr);

        OrderSnapshot copy = desk.place(market("cp-1", "BUY").toPaper(true)).order();

        assertEquals("paper", copy.broker());
        assertEquals(OrderState.FILLED, copy.status());
        // the ask 189.55 plus one tick of slippage
        assertEquals(new BigDecimal("189.56"), copy.avgFillPrice());
        assertEquals(List.of(), ibkr.placed, "nothing of it reaches the live broker");

        OrderSnapshot live = desk.place(limit("live-1", "180.00")).order();
        assertEquals("ibkr", live.broker());
        assertEquals(List.of("live-1"), ibkr.placed.stream().map(t -> t.clientOrderId()).toList());
        assertEquals(OrderState.NEW, live.status(), "the stub answers nothing");
        assertEquals(List.of("ibkr", "paper"), desk.brokerNames());
        assertTrue(desk.paperBeside());
    }

    @Test
    void withThePaperBrokerConfiguredAPaperOrderGoesToThatSameBroker() {
        tick("189.51", "189.55");
        OrderDesk desk = desk(paper);

        OrderSnapshot copy = desk.place(market("cp-2", "BUY").toPaper(true)).order();

        assertEquals("paper", copy.broker());
        assertEquals(OrderState.FILLED, copy.status());
        assertEquals(List.of("paper"), desk.brokerNames());
        assertFalse(desk.paperBeside());
    }

    @Test
    void anExitGoesToThePaperBrokerOnlyForAPositionThePaperBrokerHolds() {
        OrderDesk live = desk(new StubBroker("ibkr", true));
        assertEquals("paper", live.brokerFor("paper"));
        assertEquals("ibkr", live.brokerFor("ibkr"));
        assertEquals("ibkr", live.brokerFor(null), "not known: the configured broker");
        assertEquals("paper", live.brokerName(true));
        assertEquals("ibkr", live.brokerName(false));
        OrderDesk onPaper = desk(paper);
        assertEquals("paper", onPaper.brokerFor("ibkr"), "as before: the configured broker");
        assertEquals("paper", onPaper.brokerFor("paper"));
    }

    @Test
    void aCancelGoesToTheBrokerTheOrderWasStoredWith() {
        tick("189.51", "189.55");
        StubBroker ibkr = new StubBroker("ibkr", true);
        OrderDesk desk = desk(ibkr);
        desk.place(limit("p-1", "180.00").toPaper(true));
        desk.place(limit("l-1", "180.00"));

        assertEquals(OrderState.CANCELLED, desk.cancel("p-1").orElseThrow().status());
        assertEquals(List.of(), ibkr.cancelled, "the paper broker cancelled it itself");

        assertEquals(OrderState.PENDING_CANCEL, desk.cancel("l-1").orElseThrow().status());
        assertEquals(List.of("l-1"), ibkr.cancelled);
    }

    @Test
    void atStartEachBrokerGetsBackTheWorkingOrdersStoredWithIt() {
        tick("189.51", "189.55");
        desk(new StubBroker("ibkr", true)).place(limit("p-2", "189.00").toPaper(true));
        desk(new StubBroker("ibkr", true)).place(limit("l-2", "180.00"));

        StubBroker ibkr = new StubBroker("ibkr", true);
        PaperBroker restartedPaper = PaperBrokers.over(latest, 1, clock);
        OrderDesk desk = desk(ibkr, restartedPaper);

        assertEquals(
                List.of("l-2"),
                ibkr.startedWith.stream().map(WorkingOrder::clientOrderId).toList(),
                "the live broker is not given the paper order");
        Quote lower =
                new Quote(
                        "AAPL",
                        188.90,
                        188.95,
                        Double.NaN,
                        1,
                        1,
                        0,
                        0,
                        Quote.nowMicros(),
                        MarketDataType.LIVE);
        latest.put("AAPL", lower);
        restartedPaper.onQuote(lower);
        OrderSnapshot filled = desk.find("p-2").orElseThrow();
        assertEquals(OrderState.FILLED, filled.status(), "the restarted paper broker rests it");
        // the limit 189.00 is reached by the ask 188.95; filled there plus one tick
        assertEquals(new BigDecimal("188.96"), filled.avgFillPrice());
        assertEquals(OrderState.NEW, desk.find("l-2").orElseThrow().status());
    }

    @Test
    void anOrderStoredForABrokerNotInUseIsRejectedNotSentElsewhere() {
        StubBroker ibkr = new StubBroker("ibkr", true);
        OrderDesk desk = desk(ibkr);
        OrderTicket ticket = desk.ticket(limit("other-1", "180.00"));
        OrderSnapshot stored = store.insert(new Order(ticket, "elsewhere", NOW));

        desk.handOver(stored, ticket);

        assertEquals(List.of(), ibkr.placed);
        OrderSnapshot rejected = desk.find("other-1").orElseThrow();
        assertEquals(OrderState.REJECTED, rejected.status());
        assertEquals(
                "The elsewhere broker is not in use: the order was not sent", rejected.reason());
    }

    @Test
    void recentOrdersComeNewestFirstWithinALimit() {
        OrderDesk desk = desk(new StubBroker());
        desk.place(limit("a", "180.00"));
        desk.place(limit("b", "180.00"));
        assertEquals(
                List.of("b"), desk.recent(1).stream().map(OrderSnapshot::clientOrderId).toList());
        assertThrows(InvalidOrderException.class, () -> desk.recent(0));
        assertThrows(InvalidOrderException.class, () -> desk.recent(OrderDesk.MAX_LIST + 1));
        assertEquals(null, desk.recent(1).get(0).fills(), "lists carry no fills");
    }
}
