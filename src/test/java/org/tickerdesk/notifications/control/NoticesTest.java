package org.tickerdesk.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.notifications.entity.NewNotification;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.tasks.entity.TaskFailing;
import org.tickerdesk.trading.entity.ExitFilled;
import org.tickerdesk.trading.entity.ExitSent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionSettled;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;

/** What a notification of each change says, to a person and to a program. */
class NoticesTest {

    private static final Instant AT = Instant.parse("2025-11-20T14:41:12.985Z");

    @Test
    void anExitTriggeredSaysWhichRuleFiredOnWhichPositionAndWhatIsSent() {
        NewNotification notice =
                Notices.exitTriggered(
                        new ExitSent(
                                12,
                                "AAPL",
                                Side.BUY,
                                "STOP_LOSS",
                                "x-12-STOP_LOSS-1",
                                new BigDecimal("10.00000000"),
                                OrderType.MKT,
                                AT));

        assertEquals(NotificationType.EXIT_TRIGGERED, notice.type());
        assertEquals("Exit triggered: AAPL", notice.title());
        assertEquals(
                "STOP_LOSS fired on position 12 (long AAPL): selling 10 at market as"
                        + " x-12-STOP_LOSS-1",
                notice.text());
        JsonObject payload = json(notice.payload());
        assertEquals(12, payload.getInt("positionId"));
        assertEquals("x-12-STOP_LOSS-1", payload.getString("clientOrderId"));
    }

    @Test
    void aShortsExitBuysBack() {
        NewNotification notice =
                Notices.exitTriggered(
                        new ExitSent(
                                7,
                                "ESZ6",
                                Side.SELL,
                                "TAKE_PROFIT:1",
                                "x-7-TAKE_PROFIT.1-1",
                                new BigDecimal("2"),
                                OrderType.LMT,
                                AT));

        assertEquals(
                "TAKE_PROFIT:1 fired on position 7 (short ESZ6): buying back 2 with a LMT order as"
                        + " x-7-TAKE_PROFIT.1-1",
                notice.text());
    }

    @Test
    void anExitFillThatClosesSaysThePriceAndTheRealisedProfitAndLoss() {
        // bought 10 at 100.02, sold at 105.01: 10 x 4.99 = 49.9
        NewNotification notice =
                Notices.exitFilled(
                        new ExitFilled(
                                position(PositionState.CLOSED, "0", "49.9"),
                                "TAKE_PROFIT:1",
                                "x-12-TAKE_PROFIT.1-1",
                                new BigDecimal("10"),
                                new BigDecimal("105.01")));

        assertEquals(NotificationType.EXIT_FILLED, notice.type());
        assertEquals("Position closed: AAPL", notice.title());
        assertEquals(
                "Position 12 (long AAPL) closed by TAKE_PROFIT:1: sold 10 at 105.01, realised P&L"
                        + " 49.9",
                notice.text());
        assertTrue(json(notice.payload()).getBoolean("closed"));
    }

    @Test
    void anExitFillThatReducesSaysWhatIsLeft() {
        NewNotification notice =
                Notices.exitFilled(
                        new ExitFilled(
                                position(PositionState.OPEN, "6", "19.96"),
                                "TAKE_PROFIT:1",
                                "x-12-TAKE_PROFIT.1-1",
                                new BigDecimal("4"),
                                new BigDecimal("105.01")));

        assertEquals("Position reduced: AAPL", notice.title());
        assertEquals(
                "Position 12 (long AAPL) reduced by TAKE_PROFIT:1, 6 left: sold 4 at 105.01,"
                        + " realised P&L 19.96",
                notice.text());
    }

    @Test
    void aSettlementSaysThePriceItsBasisAndTheProfitAndLoss() {
        // long 10 at an average of 100.02, settled at 101.50: 10 x 1.48 = 14.8
        NewNotification notice =
                Notices.positionSettled(
                        new PositionSettled(
                                position(PositionState.SETTLED, "0", "14.8"),
                                new BigDecimal("10"),
                                new BigDecimal("101.50"),
                                new BigDecimal("14.80"),
                                "manual",
                                AT));

        assertEquals(NotificationType.POSITION_SETTLED, notice.type());
        assertEquals("Position settled: AAPL", notice.title());
        assertEquals(
                "Position 12 (long 10 AAPL) settled at 101.5 (manual): P&L of the settlement 14.8,"
                        + " realised in all 14.8",
                notice.text());
        assertEquals(12, json(notice.payload()).getInt("positionId"));
    }

    @Test
    void aRejectedOrderSaysWhoRejectedItAndWhy() {
        OrderSnapshot order =
                new OrderSnapshot(
                        "my-1",
                        "paper",
                        "AAPL",
                        Side.BUY,
                        new BigDecimal("10"),
                        OrderType.MKT,
                        null,
                        null,
                        TimeInForce.DAY,
                        OrderState.REJECTED,
                        null,
                        BigDecimal.ZERO,
                        null,
                        "no quote for AAPL",
                        AT,
                        AT,
                        List.of(),
                        null);

        NewNotification notice = Notices.orderRejected(order);

        assertEquals("Order rejected: AAPL", notice.title());
        assertEquals("BUY 10 AAPL MKT (my-1) rejected by paper: no quote for AAPL", notice.text());
    }

    @Test
    void aFailingTaskSaysHowOftenAndItsLastError() {
        NewNotification notice =
                Notices.taskFailing(new TaskFailing("exit-sweep", 3, "connection refused", AT));

        assertEquals(NotificationType.TASK_FAILING, notice.type());
        assertEquals("Task failing: exit-sweep", notice.title());
        assertEquals(
                "The task exit-sweep has failed 3 times in a row: connection refused",
                notice.text());
    }

    @Test
    void anOutageIsSaidInMinutesOrHours() {
        assertEquals("1 minute", Notices.minutes(Duration.ofSeconds(90)));
        assertEquals("2 h 5 min", Notices.minutes(Duration.ofMinutes(125)));
    }

    private static PositionSnapshot position(PositionState state, String left, String pnl) {
        return new PositionSnapshot(
                12,
                "AAPL",
                "paper",
                "paper",
                PositionOrigin.ADMIN,
                state,
                Side.BUY,
                "e-1",
                new BigDecimal("10"),
                new BigDecimal(left),
                new BigDecimal("100.02"),
                null,
                null,
                new BigDecimal(pnl),
                BigDecimal.ZERO,
                null,
                "{}",
                null,
                AT,
                state == PositionState.CLOSED ? AT : null,
                AT,
                AT,
                null);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
