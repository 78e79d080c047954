package org.tickerdesk.ibkr.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.TwsError;
import org.tickerdesk.ibkr.wire.messages.orders.CommissionReport;
import org.tickerdesk.ibkr.wire.messages.orders.Execution;
import org.tickerdesk.ibkr.wire.messages.orders.OpenOrder;
import org.tickerdesk.ibkr.wire.messages.orders.OrderStatus;
import org.tickerdesk.testing.SettableClock;
import org.tickerdesk.trading.entity.OrderEvent;

/**
 * What TWS's reports mean for the orders the IBKR broker follows: which order a message is about
 * (by orderRef or by IB's order id), what each status and error code does to it, and what a sync
 * after a reconnect concludes about the orders TWS no longer shows.
 */
class TrackedOrdersTest {

    private static final Instant NOW = Instant.parse("2025-11-21T16:30:00Z");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final String LOST =
            "After reconnecting, TWS neither lists this order as open nor reports it filled today:"
                    + " it may have been cancelled, have expired or never have reached TWS. ";
    private static final String NOT_SENT_AGAIN = "Check TWS; Tickerdesk does not send it again.";

    private final TrackedOrders orders = new TrackedOrders(new SettableClock(NOW));
    private final List<OrderEvent> events = new ArrayList<>();

    /** An order of 100 that IB knows as {@code orderId} (0: not known), nothing filled yet. */
    private void track(String ref, int orderId) {
        orders.track(ref, HUNDRED, orderId, BigDecimal.ZERO, Set.of());
    }

    private String read(IncomingMessage message) {
        return orders.read(message, events::add);
    }

    private static OpenOrder openOrder(int orderId, String ref, String status) {
        return new OpenOrder(
                orderId,
                265598,
                "AAPL",
                "STK",
                "SMART",
                "USD",
                "BUY",
                HUNDRED,
                "LMT",
                new BigDecimal("180.00"),
                null,
                "GTC",
                "DU123456",
                ref,
                10,
                1_234_567L,
                status);
    }

    private static OrderStatus status(int orderId, String status) {
        return new OrderStatus(
                orderId, status, BigDecimal.ZERO, HUNDRED, null, 1_234_567L, 0, null, 10, "", null);
    }

    private static Execution execution(
            int orderId, String ref, String execId, String shares, String time) {
        return new Execution(
                -1,
                orderId,
                265598,
                "AAPL",
                "STK",
                "USD",
                execId,
                time,
                "DU123456",
                "ISLAND",
                "BOT",
                new BigDecimal(shares),
                new BigDecimal("189.53"),
                1_234_567L,
                10,
                new BigDecimal(shares),
                new BigDecimal("189.53"),
                ref);
    }

    private static Execution execution(String ref, String execId, String shares) {
        return execution(101, ref, execId, shares, "20251121 10:00:01 US/Eastern");
    }

    private static TwsError error(int reqId, int code, String text) {
        return TwsError.of(reqId, code, text, "", 0);
    }

    // which order a message is about

    @Test
    void anOpenOrderIsRecognisedByItsOrderRefAndTeachesItsIbOrderId() {
        track("td-1", 0);
        assertEquals(0, orders.orderIdOf("td-1"));

        assertEquals("td-1", read(openOrder(205, "td-1", "Submitted")));

        assertEquals(205, orders.orderIdOf("td-1"));
        assertEquals(List.of(new OrderEvent.Accepted("td-1", "205")), events);
        assertEquals("td-1", read(status(205, "PendingCancel")), "found by the id it learned");
    }

    @Test
    void anOpenOrderWithAnotherOrderRefIsNotOursEvenUnderOurOrderId() {
        track("td-1", 101);

        assertNull(read(openOrder(101, "someone-else", "Submitted")));

        assertEquals(List.of(), events);
        assertEquals(101, orders.orderIdOf("td-1"));
    }

    @Test
    void aStatusIsMatchedByIbsOrderIdAndAnUnknownIdIsIgnored() {
        track("td-1", 101);

        assertNull(read(status(102, "Submitted")));
        assertEquals("td-1", read(status(101, "Submitted")));

        assertEquals(List.of(new OrderEvent.Accepted("td-1", "101")), events);
    }

    @Test
    void anOrderWhoseIbIdIsNotKnownYetIsNotFoundByTheIdZero() {
        track("td-1", 0);

        assertNull(read(status(0, "Cancelled")));
        assertNull(read(error(0, 202, "Order Canceled - reason:")));
        assertEquals(List.of(), events);
    }

    @Test
    void anOrderFoundUnderANewIbIdIsNoLongerFoundUnderTheOldOne() {
        track("td-1", 101);
        read(openOrder(205, "td-1", "Submitted"));

        assertNull(read(status(101, "Cancelled")));
        assertNull(read(error(101, 202, "Order Canceled - reason:")));
        assertEquals("td-1", read(status(205, "Cancelled")));
        assertEquals(
                List.of(
                        new OrderEvent.Accepted("td-1", "205"),
                        new OrderEvent.Cancelled("td-1", "Cancelled at TWS")),
                events);
    }

    @Test
    void messagesAboutOtherOrdersOrTheConnectionAreNotAboutOurs() {
        track("td-1", 101);

        assertNull(read(execution(101, "someone-else", "E1", "100", "20251121-15:00:01")));
        assertNull(read(new CommissionReport("E1", BigDecimal.ONE, "USD", null)));
        assertNull(read(error(-1, 2104, "Market data farm connection is OK:usfarm")));
        assertNull(read(error(4001, 200, "No security definition has been found")));
        assertEquals(List.of(), events);
    }

    // statuses

    @ParameterizedTest
    @ValueSource(strings = {"PendingSubmit", "ApiPending", "PreSubmitted", "Submitted"})
    void aWorkingStatusAcceptsTheOrderUnderItsIbId(String working) {
        track("td-1", 101);

        read(status(101, working));

        assertEquals(List.of(new OrderEvent.Accepted("td-1", "101")), events);
    }

    @Test
    void aStatusTwsRepeatsIsReportedOnce() {
        track("td-1", 101);

        read(openOrder(101, "td-1", "Submitted"));
        read(status(101, "Submitted"));
        read(status(101, "Submitted"));

        assertEquals(List.of(new OrderEvent.Accepted("td-1", "101")), events);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cancelled", "ApiCancelled"})
    void aCancelGoesFromRequestedToCancelledAndNothingAfterItCounts(String cancelled) {
        track("td-1", 101);

        read(status(101, "Submitted"));
        read(status(101, "PendingCancel"));
        read(status(101, cancelled));
        read(status(101, "Submitted"));
        read(error(101, 399, "Order message: late warning"));

        assertEquals(
                List.of(
                        new OrderEvent.Accepted("td-1", "101"),
                        new OrderEvent.CancelRequested("td-1"),
                        new OrderEvent.Cancelled("td-1", "Cancelled at TWS")),
                events);
    }

    @Test
    void anInactiveOrderIsRejected() {
        track("td-1", 101);

        read(status(101, "Inactive"));

        assertEquals(
                List.of(
                        new OrderEvent.Rejected(
                                "td-1",
                                "TWS reports the order inactive: IB or the exchange rejected or"
                                        + " cancelled it")),
                events);
    }

    @Test
    void theErrorTwsGaveBeforeAnOrderEndedIsTheReasonItEnded() {
        track("td-1", 101);
        track("td-2", 102);

        read(error(101, 399, "Order message: outside regular trading hours"));
        read(status(101, "Inactive"));
        read(error(102, 10_148, "OrderId 102 that needs to be cancelled can not be cancelled"));
        read(status(102, "Cancelled"));

        String first = "[399] Order message: outside regular trading hours";
        String second = "[10148] OrderId 102 that needs to be cancelled can not be cancelled";
        assertEquals(
                List.of(
                        new OrderEvent.Noted("td-1", first),
                        new OrderEvent.Rejected("td-1", first),
                        new OrderEvent.Noted("td-2", second),
                        new OrderEvent.Cancelled("td-2", second)),
                events);
    }

    @Test
    void aFilledStatusAddsNothingBecauseTheExecutionsCarryTheFill() {
        track("td-1", 101);

        assertEquals("td-1", read(status(101, "Filled")));

        assertEquals(List.of(), events);
    }

    @Test
    void aStatusWithoutAMeaningHereIsOnlyNoted() {
        track("td-1", 101);

        read(status(101, "Unknown"));

        assertEquals(
                List.of(new OrderEvent.Noted("td-1", "TWS reports the order Unknown")), events);
    }

    // executions and commissions

    @Test
    void anExecutionIsMatchedByOrderRefAloneAndReportedAsAFill() {
        track("td-1", 101);

        // another session's id for the same order: the orderRef decides
        assertEquals(
                "td-1",
                read(execution(7, "td-1", "0001f4e8.6544.01.01", "40", "20251121-15:00:01")));

        assertEquals(
                List.of(
                        new OrderEvent.Filled(
                                "td-1",
                                "0001f4e8.6544.01.01",
                                new BigDecimal("40"),
                                new BigDecimal("189.53"),
                                Instant.parse("2025-11-21T15:00:01Z"))),
                events);
    }

    @ParameterizedTest
    @CsvSource({
        "20251121-15:00:01, 2025-11-21T15:00:01Z",
        "20251121 10:00:01 US/Eastern, 2025-11-21T15:00:01Z",
        "20251121  10:00:01  US/Eastern, 2025-11-21T15:00:01Z",
        "20250715 10:00:01 US/Eastern, 2025-07-15T14:00:01Z",
        "20251121 16:00:01 Europe/Zurich, 2025-11-21T15:00:01Z",
        "yesterday at ten, 2025-11-21T16:30:00Z",
        "20251121 10:00:01 Mars/Olympus, 2025-11-21T16:30:00Z"
    })
    void anExecutionTimeIsReadInTheZoneTwsNamesOrUtcAndUnreadableMeansNow(
            String time, String expected) {
        track("td-1", 101);

        read(execution(101, "td-1", "E1", "100", time));

        assertEquals(Instant.parse(expected), ((OrderEvent.Filled) events.get(0)).time());
    }

    @Test
    void anExecutionTimeWithoutAZoneIsInTwsOwnZoneTakenToBeThisMachines() {
        track("td-1", 101);

        read(execution(101, "td-1", "E1", "100", "20251121 10:00:01"));

        Instant expected =
                LocalDateTime.of(2025, 11, 21, 10, 0, 1).atZone(ZoneId.systemDefault()).toInstant();
        assertEquals(expected, ((OrderEvent.Filled) events.get(0)).time());
    }

    @Test
    void aCommissionIsChargedToTheOrderOfItsExecution() {
        track("td-1", 101);
        track("td-2", 102);
        read(execution("td-1", "E1", "100"));
        read(execution("td-2", "E2", "100"));
        events.clear();

        assertEquals("td-2", read(new CommissionReport("E2", new BigDecimal("1.00"), "USD", null)));
        assertEquals("td-1", read(new CommissionReport("E1", new BigDecimal("1.05"), "USD", null)));

        assertEquals(
                List.of(
                        new OrderEvent.Charged("td-2", "E2", new BigDecimal("1.00"), "USD"),
                        new OrderEvent.Charged("td-1", "E1", new BigDecimal("1.05"), "USD")),
                events);
    }

    @Test
    void aCommissionWithoutAnAmountOrForAnUnknownExecutionChargesNothing() {
        track("td-1", 101);
        read(execution("td-1", "E1", "100"));
        events.clear();

        assertNull(read(new CommissionReport("E1", null, "USD", null)));
        assertNull(read(new CommissionReport("E9", BigDecimal.ONE, "USD", null)));
        assertEquals(List.of(), events);
    }

    @Test
    void aReplayedExecutionIsReportedAgainButCountsOnce() {
        track("td-1", 101);
        read(execution("td-1", "E1", "40"));
        read(execution("td-1", "E1", "40"));
        assertEquals(2, events.size(), "the order itself recognises the replay: " + events);
        events.clear();

        Set<String> expected = orders.beginSync();
        orders.settle(expected, Set.of(), events::add);

        assertEquals(
                List.of(
                        new OrderEvent.Lost(
                                "td-1",
                                LOST + "It was partially filled (40 of 100). " + NOT_SENT_AGAIN)),
                events);
    }

    @Test
    void anExecutionTheStoredOrderAlreadyHasDoesNotCountAgain() {
        orders.track("td-1", HUNDRED, 101, new BigDecimal("40"), Set.of("E1"));
        read(execution("td-1", "E1", "40"));
        events.clear();

        orders.settle(orders.beginSync(), Set.of(), events::add);

        assertEquals(
                List.of(
                        new OrderEvent.Lost(
                                "td-1",
                                LOST + "It was partially filled (40 of 100). " + NOT_SENT_AGAIN)),
                events);
    }

    // errors

    @Test
    void error202CancelsAndTheCancelledStatusAfterItAddsNothing() {
        track("td-1", 101);

        assertEquals("td-1", read(error(101, 202, "Order Canceled - reason:")));
        read(status(101, "Cancelled"));

        assertEquals(
                List.of(new OrderEvent.Cancelled("td-1", "[202] Order Canceled - reason:")),
                events);
    }

    @ParameterizedTest
    @ValueSource(ints = {103, 110, 201, 203, 321, 434})
    void aRequestTwsRefusedOutrightRejectsTheOrder(int code) {
        track("td-1", 101);

        read(error(101, code, "IB's words"));
        read(status(101, "Submitted"));

        assertEquals(List.of(new OrderEvent.Rejected("td-1", "[" + code + "] IB's words")), events);
    }

    @Test
    void anOrderForAContractIbDoesNotKnowIsRejectedInOurWordsAndIbs() {
        track("td-1", 101);

        read(error(101, 200, "No security definition has been found for the request"));

        assertEquals(
                List.of(
                        new OrderEvent.Rejected(
                                "td-1",
                                "[200] No such instrument at IBKR: no security definition matches"
                                        + " the request (IB: No security definition has been"
                                        + " found for the request)")),
                events);
    }

    @Test
    void anyOtherErrorOrWarningIsOnlyNotedBecauseTheOrderCanStillFill() {
        track("td-1", 101);

        read(error(101, 399, "Order message: will not be placed until market opens"));
        read(error(101, 2109, "Order Event Warning: outsideRth is ignored"));
        read(status(101, "Submitted"));
        read(execution("td-1", "E1", "100"));

        assertEquals(
                List.of(
                        new OrderEvent.Noted(
                                "td-1",
                                "[399] Order message: will not be placed until market opens"),
                        new OrderEvent.Noted(
                                "td-1", "[2109] Order Event Warning: outsideRth is ignored"),
                        new OrderEvent.Accepted("td-1", "101")),
                events.subList(0, 3));
        assertInstanceOf(OrderEvent.Filled.class, events.get(3));
        assertEquals(4, events.size(), events.toString());
    }

    @Test
    void anInformationalMessageAboutAnOrderIsNotReported() {
        track("td-1", 101);

        assertEquals("td-1", read(error(101, 2104, "Market data farm connection is OK:usfarm")));

        assertEquals(List.of(), events);
    }

    // the sync after a reconnect

    @Test
    void aSyncLooksForTheOrdersNeitherEndedNorFilled() {
        track("working", 101);
        track("partly", 102);
        track("cancelled", 103);
        track("rejected", 104);
        orders.track("filled", HUNDRED, 105, HUNDRED, Set.of("E0"));
        read(execution("partly", "E1", "40"));
        read(error(103, 202, "Order Canceled - reason:"));
        read(status(104, "Inactive"));

        assertEquals(Set.of("working", "partly"), orders.beginSync());
    }

    @Test
    void aStatusTwsReportedBeforeTheReconnectIsReportedAgainInTheSync() {
        track("td-1", 101);
        read(openOrder(101, "td-1", "Submitted"));

        orders.beginSync();
        read(openOrder(101, "td-1", "Submitted"));

        assertEquals(
                List.of(
                        new OrderEvent.Accepted("td-1", "101"),
                        new OrderEvent.Accepted("td-1", "101")),
                events);
    }

    @Test
    void anOrderTwsNeitherListsNorReportsFilledNorEndedIsLost() {
        track("listed", 101);
        track("filled", 102);
        track("cancelled", 103);
        track("gone", 104);
        Set<String> expected = orders.beginSync();
        assertEquals(Set.of("listed", "filled", "cancelled", "gone"), expected);

        read(openOrder(101, "listed", "Submitted"));
        read(execution("filled", "E2", "100"));
        read(status(103, "Cancelled"));
        events.clear();
        orders.settle(expected, Set.of("listed"), events::add);

        assertEquals(List.of(new OrderEvent.Lost("gone", LOST + NOT_SENT_AGAIN)), events);
    }
}
