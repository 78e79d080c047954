package org.tickerdesk.trading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A position whose instrument expired or resolved is settled at the settlement price: what it holds
 * is realised against its average price (a long gains when the price is above it, a short when
 * below), its fees stay as charged, and it ends SETTLED holding nothing, once.
 */
class PositionSettlementTest {

    private static final Instant FILLED = Instant.parse("2026-12-18T14:30:00Z");
    private static final Instant SETTLED = Instant.parse("2026-12-19T09:00:00Z");

    @Test
    void aLongSettlesAtThePriceLessItsAverageTimesWhatItHolds() {
        Position position = open(Side.BUY, "10", "100");

        Optional<BigDecimal> pnl =
                position.settle(new BigDecimal("103.5"), "final settlement", SETTLED);

        assertAmount("35", pnl.orElseThrow()); // (103.5 − 100) × 10
        PositionSnapshot p = snapshot(position);
        assertEquals(PositionState.SETTLED, p.state());
        assertAmount("35", p.realizedPnl());
        assertAmount("0", p.quantity());
        assertAmount("0", p.unrealizedPnl());
        assertAmount("103.5", p.currentPrice());
        assertEquals(SETTLED, p.closedAt());
        assertEquals("Settled at 103.5: final settlement", p.reason());
    }

    @Test
    void aShortGainsWhenItSettlesBelowItsAverageAndLosesAbove() {
        Position below = open(Side.SELL, "4", "50");
        Position above = open(Side.SELL, "4", "50");

        assertAmount(
                "12",
                below.settle(new BigDecimal("47"), "b", SETTLED).orElseThrow()); // (50 − 47) × 4
        assertAmount(
                "-20",
                above.settle(new BigDecimal("55"), "b", SETTLED).orElseThrow()); // (50 − 55) × 4
        assertAmount("0", snapshot(below).quantity());
        assertEquals(PositionState.SETTLED, snapshot(above).state());
    }

    @Test
    void whatWasSoldBeforeStaysRealisedAndOnlyTheRestSettles() {
        Position position = open(Side.BUY, "10", "100");
        position.exited(new BigDecimal("4"), new BigDecimal("104"), FILLED.plusSeconds(60));

        BigDecimal pnl = position.settle(new BigDecimal("98"), "b", SETTLED).orElseThrow();

        assertAmount("-12", pnl); // (98 − 100) × the 6 left
        assertAmount("4", snapshot(position).realizedPnl()); // 16 from the sale, −12 settled
    }

    @Test
    void feesStayAsChargedAndAreNotTakenFromTheRealisedPnl() {
        Position position = open(Side.BUY, "2", "10");
        position.charged(new BigDecimal("1.5"), FILLED);

        position.settle(new BigDecimal("11"), "b", SETTLED);

        assertAmount("1.5", snapshot(position).fees());
        assertAmount("2", snapshot(position).realizedPnl()); // (11 − 10) × 2
    }

    @Test
    void anEventContractThatResolvedYesPaysOneAndNoNothing() {
        Position yes = open(Side.BUY, "100", "0.42");
        Position no = open(Side.BUY, "100", "0.42");
        Position shortNo = open(Side.SELL, "100", "0.42");

        assertAmount(
                "58", yes.settle(BigDecimal.ONE, "YES", SETTLED).orElseThrow()); // (1 − 0.42) × 100
        assertAmount(
                "-42", no.settle(BigDecimal.ZERO, "NO", SETTLED).orElseThrow()); // (0 − 0.42) × 100
        assertAmount("42", shortNo.settle(BigDecimal.ZERO, "NO", SETTLED).orElseThrow());
    }

    @Test
    void aClosingPositionSettlesAndItsLateExitFillFindsNothingHeld() {
        Position position = open(Side.BUY, "5", "20");
        position.closing("STOP_LOSS fired", FILLED.plusSeconds(5));

        assertTrue(position.settle(new BigDecimal("19"), "b", SETTLED).isPresent());

        assertEquals(PositionState.SETTLED, snapshot(position).state());
        assertAmount("0", position.held()); // what an exit fill may still close
        assertThrows(
                IllegalStateException.class,
                () ->
                        position.entered(
                                BigDecimal.ONE, new BigDecimal("20"), SETTLED.plusSeconds(1)),
                "an entry fill cannot open it again");
        assertEquals(PositionState.SETTLED, snapshot(position).state());
    }

    @Test
    void settlingTwiceChangesNothingTheSecondTime() {
        Position position = open(Side.BUY, "10", "100");
        position.settle(new BigDecimal("103"), "first", SETTLED);
        PositionSnapshot first = snapshot(position);

        Optional<BigDecimal> again =
                position.settle(new BigDecimal("90"), "second", SETTLED.plusSeconds(3600));

        assertEquals(Optional.empty(), again);
        assertEquals(first, snapshot(position));
    }

    @Test
    void onlyAnOpenOrClosingPositionSettles() {
        Position pending = position(Side.BUY, "10");
        Position closed = open(Side.BUY, "1", "10");
        closed.exited(BigDecimal.ONE, new BigDecimal("11"), FILLED.plusSeconds(1));

        assertEquals(Optional.empty(), pending.settle(BigDecimal.TEN, "b", SETTLED));
        assertEquals(Optional.empty(), closed.settle(BigDecimal.TEN, "b", SETTLED));
        assertEquals(PositionState.PENDING, snapshot(pending).state());
        assertEquals(PositionState.CLOSED, snapshot(closed).state());
    }

    @Test
    void aNegativeSettlementPriceIsRefused() {
        Position position = open(Side.BUY, "1", "10");

        assertThrows(
                IllegalArgumentException.class,
                () -> position.settle(new BigDecimal("-1"), "b", SETTLED));
        assertEquals(PositionState.OPEN, snapshot(position).state());
    }

    private static Position open(Side side, String quantity, String price) {
        Position position = position(side, quantity);
        position.entered(new BigDecimal(quantity), new BigDecimal(price), FILLED);
        return position;
    }

    private static Position position(Side side, String quantity) {
        return new Position(
                "ESZ6",
                "paper",
                "paper",
                PositionOrigin.ADMIN,
                side,
                new BigDecimal(quantity),
                "{}",
                "e-1",
                FILLED.minusSeconds(1));
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
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(actual),
                "expected " + expected + ", was " + actual);
    }
}
