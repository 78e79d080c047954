package org.tickerdesk.trading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;

/** An order's life: the states it may move through, its fills and what it refuses. */
class OrderTest {

    private static final Instant T0 = Instant.parse("2025-11-21T15:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final String ID = "td-1";

    private final Order order =
            new Order(ticket(OrderType.LMT, new BigDecimal("189.50"), null), "ibkr", T0);

    static OrderTicket ticket(OrderType type, BigDecimal limit, BigDecimal stop) {
        return new OrderTicket(
                ID,
                Contract.stock("AAPL", "NASDAQ"),
                Side.BUY,
                new BigDecimal("100"),
                type,
                limit,
                stop,
                TimeInForce.DAY);
    }

    private static OrderEvent.Filled fill(String execId, String quantity, String price) {
        return new OrderEvent.Filled(
                ID, execId, new BigDecimal(quantity), new BigDecimal(price), T1);
    }

    @Test
    void aNewOrderIsStoredBeforeTheBrokerKnowsIt() {
        OrderSnapshot s = order.snapshot(true);
        assertEquals(OrderState.NEW, s.status());
        assertEquals(BigDecimal.ZERO, s.filledQuantity());
        assertNull(s.avgFillPrice());
        assertNull(s.brokerOrderId());
        assertEquals(new BigDecimal("189.5"), s.limitPrice());
        assertEquals(T0, s.updatedAt());
    }

    @Test
    void sentRemembersTheBrokersIdAndAcceptedMakesItWorking() {
        assertTrue(order.apply(new OrderEvent.Sent(ID, "101"), T1));
        assertEquals(OrderState.NEW, order.status());
        assertTrue(order.apply(new OrderEvent.Accepted(ID, null), T1));
        assertEquals(OrderState.SUBMITTED, order.status());
        assertEquals("101", order.snapshot(false).brokerOrderId());
        assertFalse(
                order.apply(new OrderEvent.Accepted(ID, "101"), T1),
                "a repeated status changes nothing");
    }

    @Test
    void fillsAccumulateWithAWeightedAveragePrice() {
        order.apply(new OrderEvent.Accepted(ID, "101"), T1);
        assertTrue(order.apply(fill("e1", "40", "189.40"), T1));
        assertEquals(OrderState.PARTIALLY_FILLED, order.status());
        assertTrue(order.apply(fill("e2", "60", "189.50"), T1));
        OrderSnapshot s = order.snapshot(true);
        assertEquals(OrderState.FILLED, s.status());
        assertEquals(new BigDecimal("100"), s.filledQuantity());
        assertEquals(new BigDecimal("189.46"), s.avgFillPrice());
        assertEquals(2, s.fills().size());
    }

    @Test
    void aReplayedExecutionCountsOnce() {
        order.apply(fill("e1", "40", "189.40"), T1);
        assertFalse(order.apply(fill("e1", "40", "189.40"), T1));
        assertEquals(new BigDecimal("40"), order.snapshot(true).filledQuantity());
        assertEquals(1, order.snapshot(true).fills().size());
    }

    @Test
    void aFillNeverTakesTheOrderPastItsQuantity() {
        order.apply(fill("e1", "60", "189.40"), T1);
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> order.apply(fill("e2", "41", "189.4"), T1));
        assertTrue(e.getMessage().contains("past its quantity 100"), e.getMessage());
        assertEquals(new BigDecimal("60"), order.snapshot(true).filledQuantity());
        assertEquals(1, order.snapshot(true).fills().size());
    }

    @Test
    void theCommissionLandsOnItsFill() {
        order.apply(fill("e1", "100", "189.40"), T1);
        assertTrue(
                order.apply(new OrderEvent.Charged(ID, "e1", new BigDecimal("1.00"), "USD"), T1));
        assertFalse(
                order.apply(new OrderEvent.Charged(ID, "e1", new BigDecimal("1.0"), "USD"), T1));
        assertFalse(order.apply(new OrderEvent.Charged(ID, "nope", BigDecimal.ONE, "USD"), T1));
        OrderSnapshot s = order.snapshot(true);
        assertEquals(new BigDecimal("1"), s.commission());
        assertEquals("USD", s.fills().get(0).commissionCurrency());
    }

    @Test
    void cancelGoesThroughPendingCancelAndAFinalOrderStaysFinal() {
        order.apply(new OrderEvent.Accepted(ID, "101"), T1);
        assertTrue(order.apply(new OrderEvent.CancelRequested(ID), T1));
        assertEquals(OrderState.PENDING_CANCEL, order.status());
        assertTrue(order.apply(new OrderEvent.Cancelled(ID, "Cancelled on request"), T1));
        assertEquals(OrderState.CANCELLED, order.status());
        assertFalse(order.apply(new OrderEvent.Accepted(ID, "101"), T1));
        assertFalse(order.apply(new OrderEvent.Rejected(ID, "late"), T1));
        assertFalse(order.apply(new OrderEvent.Noted(ID, "late message"), T1));
        assertEquals("Cancelled on request", order.snapshot(false).reason());
    }

    @Test
    void aLateExecutionIsStillRecordedOnACancelledOrder() {
        order.apply(new OrderEvent.Cancelled(ID, "Cancelled on request"), T1);
        assertTrue(order.apply(fill("e1", "30", "189.40"), T1));
        assertEquals(OrderState.CANCELLED, order.status());
        assertEquals(new BigDecimal("30"), order.snapshot(false).filledQuantity());
    }

    @Test
    void aRejectionKeepsTheBrokersWords() {
        order.apply(new OrderEvent.Sent(ID, "101"), T1);
        order.apply(
                new OrderEvent.Rejected(
                        ID, "[201] Order rejected - reason: no trading permissions"),
                T1);
        assertEquals(OrderState.REJECTED, order.status());
        assertEquals(
                "[201] Order rejected - reason: no trading permissions",
                order.snapshot(false).reason());
    }

    @Test
    void anUnknownOrderBecomesWorkingAgainWhenTheBrokerShowsIt() {
        order.apply(new OrderEvent.Accepted(ID, "101"), T1);
        assertTrue(
                order.apply(new OrderEvent.Lost(ID, "Not listed by TWS after the reconnect"), T1));
        assertEquals(OrderState.UNKNOWN, order.status());
        assertTrue(order.apply(new OrderEvent.Accepted(ID, "101"), T1));
        assertEquals(OrderState.SUBMITTED, order.status());
        assertNull(order.snapshot(false).reason());
    }

    @Test
    void aNoteChangesTheReasonOnlyAndAVeryLongOneIsShortened() {
        order.apply(new OrderEvent.Accepted(ID, "101"), T1);
        assertTrue(order.apply(new OrderEvent.Noted(ID, "x".repeat(600)), T1));
        assertEquals(OrderState.SUBMITTED, order.status());
        assertEquals(Order.MAX_REASON, order.snapshot(false).reason().length());
    }

    @Test
    void anEventForAnotherOrderIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> order.apply(new OrderEvent.Accepted("td-2", "5"), T1));
    }

    @Test
    void aTicketChecksItsPricesQuantityAndId() {
        assertThrows(IllegalArgumentException.class, () -> ticket(OrderType.LMT, null, null));
        assertThrows(
                IllegalArgumentException.class, () -> ticket(OrderType.MKT, BigDecimal.ONE, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> ticket(OrderType.STP_LMT, BigDecimal.ONE, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> ticket(OrderType.STP, null, new BigDecimal("-1")));
        Contract aapl = Contract.stock("AAPL", "NASDAQ");
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new OrderTicket(
                                "has space",
                                aapl,
                                Side.BUY,
                                BigDecimal.ONE,
                                OrderType.MKT,
                                null,
                                null,
                                TimeInForce.DAY));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new OrderTicket(
                                "td-3",
                                aapl,
                                Side.BUY,
                                BigDecimal.ZERO,
                                OrderType.MKT,
                                null,
                                null,
                                TimeInForce.DAY));
    }

    @Test
    void aStoredOrderRecognisesTheTicketThatAsksForIt() {
        OrderSnapshot stored = order.snapshot(false);
        assertTrue(stored.describes(ticket(OrderType.LMT, new BigDecimal("189.5000"), null)));
        assertFalse(stored.describes(ticket(OrderType.LMT, new BigDecimal("189.51"), null)));
        assertFalse(stored.describes(ticket(OrderType.MKT, null, null)));
    }
}
