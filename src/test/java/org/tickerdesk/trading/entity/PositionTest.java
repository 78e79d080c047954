package org.tickerdesk.trading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionTest {

    private static final Instant CREATED = Instant.parse("2025-11-20T14:30:00Z");
    private static final Instant FILLED = CREATED.plusSeconds(1);
    private static final Instant LATER = CREATED.plusSeconds(60);
    private static final Instant LAST = CREATED.plusSeconds(120);

    @Test
    void aNewPositionWaitsForItsEntryWithNothingHeld() {
        PositionSnapshot p = snapshot(position(Side.BUY, "10"));

        assertEquals(PositionState.PENDING, p.state());
        assertAmount("0", p.quantity());
        assertAmount("10", p.orderedQuantity());
        assertNull(p.averagePrice());
        assertAmount("0", p.realizedPnl());
        assertAmount("0", p.fees());
        assertEquals(CREATED, p.createdAt());
        assertNull(p.openedAt());
    }

    @Test
    void entryFillsOpenALongAndAverageItsPrice() {
        Position position = position(Side.BUY, "10");

        position.entered(new BigDecimal("4"), new BigDecimal("100.00"), FILLED);
        position.entered(new BigDecimal("6"), new BigDecimal("101.00"), LATER);

        PositionSnapshot p = snapshot(position);
        assertEquals(PositionState.OPEN, p.state());
        assertEquals(FILLED, p.openedAt(), "opened by the first fill");
        assertAmount("10", p.quantity());
        assertAmount("100.6", p.averagePrice()); // (4 × 100 + 6 × 101) / 10
        assertAmount("100.00", p.bestPrice());
    }

    @Test
    void anAverageThatDoesNotEndIsKeptToEightPlacesRoundedHalfEven() {
        Position position = position(Side.BUY, "3");

        position.entered(BigDecimal.ONE, new BigDecimal("100"), FILLED);
        position.entered(new BigDecimal("2"), new BigDecimal("101"), LATER);

        assertAmount("100.66666667", snapshot(position).averagePrice()); // 302 / 3
    }

    @Test
    void exitFillsOfALongRealiseTheirDifferenceToTheAverageAndTheLastClosesIt() {
        Position position = position(Side.BUY, "10");
        position.entered(new BigDecimal("4"), new BigDecimal("100.00"), FILLED);
        position.entered(new BigDecimal("6"), new BigDecimal("101.00"), FILLED);

        position.exited(new BigDecimal("4"), new BigDecimal("102.00"), LATER);

        PositionSnapshot half = snapshot(position);
        assertEquals(PositionState.OPEN, half.state());
        assertAmount("6", half.quantity());
        assertAmount("5.6", half.realizedPnl()); // (102 − 100.6) × 4

        position.exited(new BigDecimal("6"), new BigDecimal("99.00"), LAST);

        PositionSnapshot closed = snapshot(position);
        assertEquals(PositionState.CLOSED, closed.state());
        assertEquals(LAST, closed.closedAt());
        assertAmount("0", closed.quantity());
        assertAmount("-4", closed.realizedPnl()); // 5.6 + (99 − 100.6) × 6
        assertAmount("0", closed.unrealizedPnl());
        assertAmount("100.6", closed.averagePrice(), "the average stays what the entry cost");
    }

    @Test
    void aShortIsHeldNegativeAndGainsWhenItBuysBackLower() {
        Position position = position(Side.SELL, "10");
        position.entered(new BigDecimal("10"), new BigDecimal("50"), FILLED);
        assertAmount("-10", snapshot(position).quantity());
        assertEquals(-1, position.direction());

        position.exited(new BigDecimal("4"), new BigDecimal("48"), LATER);

        assertAmount("-6", snapshot(position).quantity());
        assertAmount("8", snapshot(position).realizedPnl()); // (50 − 48) × 4

        position.exited(new BigDecimal("6"), new BigDecimal("51"), LAST);

        assertEquals(PositionState.CLOSED, position.state());
        assertAmount("2", snapshot(position).realizedPnl()); // 8 + (50 − 51) × 6
    }

    @Test
    void theEnginesPriceMarksUnrealisedPnlForALongAndAShort() {
        Position long_ = position(Side.BUY, "10");
        long_.entered(new BigDecimal("10"), new BigDecimal("100.02"), FILLED);
        Position short_ = position(Side.SELL, "10");
        short_.entered(new BigDecimal("10"), new BigDecimal("49.98"), FILLED);

        long_.mark(new BigDecimal("101"), new BigDecimal("101.5"), LATER);
        short_.mark(new BigDecimal("51"), null, LATER);

        assertAmount("9.8", snapshot(long_).unrealizedPnl()); // (101 − 100.02) × 10
        assertAmount("101", snapshot(long_).currentPrice());
        assertAmount("101.5", snapshot(long_).bestPrice());
        assertAmount("-10.2", snapshot(short_).unrealizedPnl()); // (49.98 − 51) × 10
        assertAmount("49.98", snapshot(short_).bestPrice(), "no best given, the entry stays");
    }

    @Test
    void aClosedPositionIsNotMarkedAgain() {
        Position position = open(Side.BUY, "1", "100");
        position.exited(BigDecimal.ONE, new BigDecimal("101"), LATER);

        position.mark(new BigDecimal("90"), null, LAST);

        assertNull(snapshot(position).currentPrice());
        assertEquals(LATER, snapshot(position).updatedAt());
    }

    @Test
    void feesAddUp() {
        Position position = open(Side.BUY, "10", "100");

        position.charged(new BigDecimal("1.25"), LATER);
        position.charged(new BigDecimal("0.75"), LAST);

        assertAmount("2", snapshot(position).fees());
        assertAmount("0", snapshot(position).realizedPnl(), "fees are kept apart");
    }

    @Test
    void aPositionNamesItsSymbolAndIsForAQuantityAboveZero() {
        assertThrows(IllegalArgumentException.class, () -> position(" ", Side.BUY, "1"));
        assertThrows(IllegalArgumentException.class, () -> position("X".repeat(33), Side.BUY, "1"));
        assertThrows(IllegalArgumentException.class, () -> position(Side.BUY, "0"));
        assertThrows(IllegalArgumentException.class, () -> position(Side.BUY, "-3"));
        assertThrows(NullPointerException.class, () -> position(null, "1"));
    }

    @Test
    void fillsAreForAQuantityAboveZero() {
        Position position = open(Side.BUY, "10", "100");

        assertThrows(
                IllegalArgumentException.class,
                () -> position.entered(BigDecimal.ZERO, BigDecimal.TEN, LATER));
        assertThrows(
                IllegalArgumentException.class,
                () -> position.exited(new BigDecimal("-1"), BigDecimal.TEN, LATER));
    }

    @Test
    void anExitNeverTakesMoreThanIsHeld() {
        Position position = open(Side.BUY, "10", "100");

        assertThrows(
                IllegalStateException.class,
                () -> position.exited(new BigDecimal("11"), BigDecimal.TEN, LATER));
        assertAmount("10", snapshot(position).quantity(), "nothing changed");
        assertAmount("0", snapshot(position).realizedPnl());
    }

    @Test
    void aClosedPositionIsNotOpenedAgainNorItsRulesChanged() {
        Position position = open(Side.BUY, "1", "100");
        position.exited(BigDecimal.ONE, new BigDecimal("100"), LATER);

        assertThrows(
                IllegalStateException.class,
                () -> position.entered(BigDecimal.ONE, BigDecimal.TEN, LAST));
        assertThrows(IllegalStateException.class, () -> position.rules("{\"a\":1}", LAST));
        assertEquals("{}", position.rules());
    }

    @Test
    void rulesChangeWhilePendingOrOpenButNotWhileClosing() {
        Position position = position(Side.BUY, "10");
        position.rules("{\"stopLoss\":{\"percent\":2.0}}", FILLED);
        position.entered(new BigDecimal("10"), new BigDecimal("100"), FILLED);
        position.rules("{\"stopLoss\":{\"percent\":5.0}}", LATER);
        assertEquals("{\"stopLoss\":{\"percent\":5.0}}", position.rules());

        position.closing("MANUAL fired", LAST);

        assertThrows(IllegalStateException.class, () -> position.rules("{}", LAST));
    }

    @Test
    void onlyAnOpenPositionStartsClosingAndAnExitThatCameToNothingGuardsItAgain() {
        assertThrows(
                IllegalStateException.class,
                () -> position(Side.BUY, "1").closing("MANUAL fired", LATER));
        Position position = open(Side.BUY, "10", "100");

        position.closing("STOP_LOSS fired", LATER);
        assertEquals(PositionState.CLOSING, position.state());
        assertEquals("STOP_LOSS fired", snapshot(position).reason());
        assertThrows(IllegalStateException.class, () -> position.closing("again", LATER));

        position.reopened("the exit order was rejected", LAST);
        assertEquals(PositionState.OPEN, position.state());
    }

    @Test
    void anEntryThatEndedUnfilledCancelsOnlyAPendingPosition() {
        Position pending = position(Side.BUY, "10");
        pending.entryEnded("rejected", LATER);
        assertEquals(PositionState.CANCELLED, pending.state());
        assertEquals(LATER, snapshot(pending).closedAt());

        Position open = open(Side.BUY, "10", "100");
        open.entryEnded("cancelled after a partial fill", LATER);
        assertEquals(PositionState.OPEN, open.state());
    }

    @Test
    void aLongReasonIsShortenedTo500Characters() {
        Position position = open(Side.BUY, "1", "100");

        position.closing("x".repeat(600), LATER);

        assertEquals(500, snapshot(position).reason().length());
    }

    private static Position open(Side side, String quantity, String price) {
        Position position = position(side, quantity);
        position.entered(new BigDecimal(quantity), new BigDecimal(price), FILLED);
        return position;
    }

    private static Position position(Side side, String quantity) {
        return position("AAPL", side, quantity);
    }

    private static Position position(String symbol, Side side, String quantity) {
        return new Position(
                symbol,
                "paper",
                "paper",
                PositionOrigin.ADMIN,
                side,
                new BigDecimal(quantity),
                "{}",
                "e-1",
                CREATED);
    }

    /** With the id the database would have given it. */
    private static PositionSnapshot snapshot(Position position) {
        try {
            Field id = Position.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(position, 7L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return position.snapshot();
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertAmount(expected, actual, "");
    }

    private static void assertAmount(String expected, BigDecimal actual, String why) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(actual),
                why + ": expected " + expected + ", was " + actual);
    }
}
