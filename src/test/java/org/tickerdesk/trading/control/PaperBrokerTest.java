package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.testing.SettableClock;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;
import org.tickerdesk.trading.entity.WorkingOrder;

/** The paper broker with two ticks of slippage on a stock quoted in cents. */
class PaperBrokerTest {

    /** 15:00 in New York. */
    private static final Instant AFTERNOON = Instant.parse("2025-11-21T20:00:00Z");

    private static final Contract AAPL = Contract.stock("AAPL", "NASDAQ");

    private final Map<String, Quote> latest = new HashMap<>();
    private final List<OrderEvent> events = new ArrayList<>();
    private final SettableClock clock = new SettableClock(AFTERNOON);
    private final PaperBroker broker = PaperBrokers.over(latest, 2, clock);
    private int orders;

    @BeforeEach
    void start() {
        broker.start(events::add, List.of());
    }

    private static Quote quote(String bid, String ask) {
        return new Quote(
                "AAPL",
                Double.parseDouble(bid),
                Double.parseDouble(ask),
                Double.NaN,
                300,
                200,
                0,
                0,
                Quote.nowMicros(),
                MarketDataType.LIVE);
    }

    private void tick(String bid, String ask) {
        Quote quote = quote(bid, ask);
        latest.put("AAPL", quote);
        broker.onQuote(quote);
    }

    private OrderTicket ticket(
            Side side, OrderType type, String limit, String stop, TimeInForce tif) {
        return new OrderTicket(
                "td-" + ++orders,
                AAPL,
                side,
                new BigDecimal("100"),
                type,
                limit == null ? null : new BigDecimal(limit),
                stop == null ? null : new BigDecimal(stop),
                tif);
    }

    private OrderEvent.Filled onlyFill() {
        List<OrderEvent.Filled> fills =
                events.stream()
                        .filter(OrderEvent.Filled.class::isInstance)
                        .map(OrderEvent.Filled.class::cast)
                        .toList();
        assertEquals(1, fills.size(), events.toString());
        return fills.get(0);
    }

    private boolean filled() {
        return events.stream().anyMatch(OrderEvent.Filled.class::isInstance);
    }

    @Test
    void aMarketBuyFillsInFullAtTheAskPlusSlippageWithoutCommission() {
        tick("189.51", "189.55");
        broker.place(ticket(Side.BUY, OrderType.MKT, null, null, TimeInForce.DAY));
        assertInstanceOf(OrderEvent.Accepted.class, events.get(0));
        OrderEvent.Filled fill = onlyFill();
        assertEquals(new BigDecimal("189.57"), fill.price());
        assertEquals(new BigDecimal("100"), fill.quantity());
        assertEquals(
                new OrderEvent.Charged("td-1", fill.execId(), BigDecimal.ZERO, "USD"),
                events.get(2));
    }

    @Test
    void aMarketSellFillsAtTheBidMinusSlippage() {
        tick("189.51", "189.55");
        broker.place(ticket(Side.SELL, OrderType.MKT, null, null, TimeInForce.DAY));
        assertEquals(new BigDecimal("189.49"), onlyFill().price());
    }

    @Test
    void aMarketOrderWithoutAQuoteIsRejectedAndNeverRests() {
        broker.place(ticket(Side.BUY, OrderType.MKT, null, null, TimeInForce.DAY));
        OrderEvent.Rejected rejected = assertInstanceOf(OrderEvent.Rejected.class, events.get(0));
        assertTrue(
                rejected.reason().startsWith("No quote for AAPL in the last 60 s"),
                rejected.reason());
        tick("189.51", "189.55");
        assertEquals(1, events.size());
    }

    @Test
    void aRestingOrderKeepsItsSymbolStreamingUntilItFills() {
        tick("189.51", "189.55");
        broker.place(ticket(Side.BUY, OrderType.LMT, "189.40", null, TimeInForce.DAY));
        assertTrue(broker.demand.needed("AAPL"), "a demand-driven source must keep quoting AAPL");

        tick("189.35", "189.39");
        assertTrue(filled());
        assertFalse(broker.demand.needed("AAPL"));
    }

    @Test
    void aBuyLimitRestsUntilAQuoteCrossesAndNeverPaysMoreThanItsLimit() {
        tick("189.51", "189.55");
        broker.place(ticket(Side.BUY, OrderType.LMT, "189.40", null, TimeInForce.DAY));
        assertEquals(
                List.of(
                        new OrderEvent.Accepted(
                                "td-1", ((OrderEvent.Accepted) events.get(0)).brokerOrderId())),
                events);
        tick("189.40", "189.45");
        assertFalse(filled());
        tick("189.35", "189.39");
        assertEquals(
                new BigDecimal("189.40"),
                onlyFill().price(),
                "189.39 + 2 ticks is capped at the limit");
    }

    @Test
    void aSellLimitFillsAtTheSlippedBidWhenThatIsStillAboveTheLimit() {
        tick("189.51", "189.55");
        broker.place(ticket(Side.SELL, OrderType.LMT, "189.60", null, TimeInForce.GTC));
        tick("189.70", "189.72");
        assertEquals(new BigDecimal("189.68"), onlyFill().price());
    }

    @Test
    void aMarketableLimitFillsAtOnce() {
        tick("189.51", "189.55");
        broker.place(ticket(Side.BUY, OrderType.LMT, "190.00", null, TimeInForce.DAY));
        assertEquals(new BigDecimal("189.57"), onlyFill().price());
    }

    @Test
    void aBuyStopTriggersWhenTheAskReachesItAndFillsLikeAMarketOrder() {
        tick("189.51", "189.55");
        broker.place(ticket(Side.BUY, OrderType.STP, null, "190.00", TimeInForce.DAY));
        tick("189.95", "189.99");
        assertFalse(filled());
        tick("189.98", "190.00");
        assertEquals(new BigDecimal("190.02"), onlyFill().price());
    }

    @Test
    void aSellStopLimitTriggersOnTheBidThenRestsAsALimitWhenThePriceGapsThroughIt() {
        tick("189.51", "189.55");
        broker.place(ticket(Side.SELL, OrderType.STP_LMT, "188.90", "189.00", TimeInForce.DAY));
        tick("189.10", "189.12");
        assertFalse(filled());
        tick("188.80", "188.85");
        assertFalse(filled(), "triggered, but the bid is below the limit");
        tick("188.95", "188.97");
        assertEquals(new BigDecimal("188.93"), onlyFill().price());
    }

    @Test
    void aRestingOrderCanBeCancelledOnce() {
        tick("189.51", "189.55");
        OrderTicket ticket = ticket(Side.BUY, OrderType.LMT, "180.00", null, TimeInForce.GTC);
        broker.place(ticket);
        Order order = new Order(ticket, "paper", AFTERNOON);
        broker.cancel(order.snapshot(false));
        assertEquals(new OrderEvent.Cancelled("td-1", "Cancelled on request"), events.get(1));
        assertThrows(OrderRefusedException.class, () -> broker.cancel(order.snapshot(false)));
        assertFalse(broker.demand.needed("AAPL"), "a cancelled order lets go of its symbol");
        tick("179.00", "179.50");
        assertFalse(filled());
    }

    @Test
    void aDayOrderExpiresAtTheEndOfTheNewYorkDayButAGoodTillCancelledOneStays() {
        tick("189.51", "189.55");
        broker.place(ticket(Side.BUY, OrderType.LMT, "180.00", null, TimeInForce.DAY));
        broker.place(ticket(Side.BUY, OrderType.LMT, "181.00", null, TimeInForce.GTC));
        clock.advance(Duration.ofHours(8).plusMinutes(59));
        tick("189.51", "189.55");
        assertEquals(2, events.size(), "23:59 in New York: still the same day");
        clock.advance(Duration.ofMinutes(1));
        tick("189.51", "189.55");
        assertEquals(
                new OrderEvent.Cancelled(
                        "td-1", "DAY order expired at the end of the New York trading day"),
                events.get(2));
        tick("180.90", "181.00");
        assertEquals("td-2", onlyFill().clientOrderId());
    }

    @Test
    void afterARestartStoredOrdersRestAgainAndAnUnfilledMarketOrderIsCancelled() {
        PaperBroker restarted = PaperBrokers.over(latest, 2, clock);
        OrderTicket limit = ticket(Side.BUY, OrderType.LMT, "180.00", null, TimeInForce.GTC);
        Order resting = new Order(limit, "paper", AFTERNOON);
        resting.apply(new OrderEvent.Accepted(limit.clientOrderId(), "P-1"), AFTERNOON);
        resting.apply(
                new OrderEvent.Filled(
                        limit.clientOrderId(),
                        "x1",
                        new BigDecimal("40"),
                        new BigDecimal("180"),
                        AFTERNOON),
                AFTERNOON);
        OrderTicket market = ticket(Side.BUY, OrderType.MKT, null, null, TimeInForce.DAY);
        Order unfilled = new Order(market, "paper", AFTERNOON);
        List<OrderEvent> seen = new ArrayList<>();
        restarted.start(
                seen::add,
                List.of(
                        new WorkingOrder(limit, resting.snapshot(true)),
                        new WorkingOrder(market, unfilled.snapshot(true))));
        assertEquals(new OrderEvent.Accepted("td-1", "P-1"), seen.get(0));
        assertInstanceOf(OrderEvent.Cancelled.class, seen.get(1));
        Quote crossing = quote("179.50", "179.90");
        latest.put("AAPL", crossing);
        restarted.onQuote(crossing);
        OrderEvent.Filled rest = assertInstanceOf(OrderEvent.Filled.class, seen.get(2));
        assertEquals(new BigDecimal("60"), rest.quantity(), "only what was left");
    }

    @Test
    void quotesOfOtherSymbolsAreIgnoredAndSlippageCannotBeNegative() {
        broker.place(ticket(Side.BUY, OrderType.LMT, "180.00", null, TimeInForce.GTC));
        broker.onQuote(
                new Quote("MSFT", 1, 2, 1, 1, 1, 1, 1, Quote.nowMicros(), MarketDataType.LIVE));
        assertEquals(1, events.size());
        assertThrows(IllegalArgumentException.class, () -> PaperBrokers.over(Map.of(), -1, clock));
        assertFalse(broker.status().live());
        assertEquals("PAPER BROKER", broker.status().headline());
    }

    @Test
    void commissionIsPerUnitWithAMinimumPerFill() {
        PaperBroker broker = PaperBrokers.over(Map.of(), 0, Clock.systemUTC());
        assertEquals(BigDecimal.ZERO, broker.commission(new BigDecimal("100")));
        broker.commissionPerUnit = new BigDecimal("0.005");
        broker.minimumCommission = BigDecimal.ONE;
        // 100 x 0.005 = 0.50, under the minimum of 1.00; 1000 x 0.005 = 5
        assertEquals(0, BigDecimal.ONE.compareTo(broker.commission(new BigDecimal("100"))));
        assertEquals(0, new BigDecimal("5").compareTo(broker.commission(new BigDecimal("1000"))));
    }

    private OrderTicket inGroup(OrderTicket t, String group) {
        return new OrderTicket(
                t.clientOrderId(),
                t.contract(),
                t.side(),
                t.quantity(),
                t.type(),
                t.limitPrice(),
                t.stopPrice(),
                t.tif(),
                group);
    }

    @Test
    void whenOneOrderOfAnOcaGroupFillsTheOthersAreCancelled() {
        tick("189.51", "189.55");
        OrderTicket stop =
                inGroup(ticket(Side.SELL, OrderType.STP, null, "180", TimeInForce.GTC), "p-1-1");
        OrderTicket target =
                inGroup(ticket(Side.SELL, OrderType.LMT, "200", null, TimeInForce.GTC), "p-1-1");
        broker.place(stop);
        broker.place(target);
        events.clear();
        tick("200.00", "200.04");
        assertEquals(
                List.of(target.clientOrderId()),
                events.stream()
                        .filter(OrderEvent.Filled.class::isInstance)
                        .map(OrderEvent::clientOrderId)
                        .toList());
        assertTrue(
                events.stream()
                        .anyMatch(
                                e ->
                                        e instanceof OrderEvent.Cancelled c
                                                && c.clientOrderId().equals(stop.clientOrderId())),
                events.toString());
        events.clear();
        tick("170.00", "170.04");
        assertFalse(filled(), "the cancelled stop never sells again: " + events);
    }

    @Test
    void aMarketExitInTheGroupCancelsTheRestingStop() {
        tick("189.51", "189.55");
        OrderTicket stop =
                inGroup(ticket(Side.SELL, OrderType.STP, null, "180", TimeInForce.GTC), "p-2-1");
        broker.place(stop);
        broker.place(
                inGroup(ticket(Side.SELL, OrderType.MKT, null, null, TimeInForce.DAY), "p-2-1"));
        assertTrue(
                events.stream()
                        .anyMatch(
                                e ->
                                        e instanceof OrderEvent.Cancelled c
                                                && c.clientOrderId().equals(stop.clientOrderId())));
    }
}
