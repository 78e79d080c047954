package org.tickerdesk.ibkr.resolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.account.IbkrPortfolio.Line;
import org.tickerdesk.ibkr.account.IbkrPortfolio.Seen;
import org.tickerdesk.ibkr.wire.messages.account.PortfolioValue;
import org.tickerdesk.resolution.entity.Outcome;
import org.tickerdesk.resolution.entity.SourceAnswer;

/**
 * A ForecastEx contract expiring 2026-12-31: its trading is over from 2027-01-01T00:00Z. Payouts
 * below are worked out by hand as (average cost + realised P&L gained / quantity) / multiplier.
 */
class EventPayoutTest {

    private static final String SYMBOL = "GCE261231C40500000";
    private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 31);
    private static final Instant AFTER = Instant.parse("2027-01-01T03:00:00Z");
    private static final Instant LATER = Instant.parse("2027-01-01T09:00:00Z");
    private static final Instant DURING = Instant.parse("2026-12-31T23:59:59Z");

    private static PortfolioValue value(
            String account,
            String position,
            String price,
            String cost,
            String realized,
            String multiplier) {
        return new PortfolioValue(
                account,
                712345,
                "GCE",
                "OPT",
                "20261231",
                "C",
                multiplier,
                "USD",
                "GCE 261231C40500000",
                "GCE",
                new BigDecimal(position),
                price == null ? null : new BigDecimal(price),
                cost == null ? null : new BigDecimal(cost),
                realized == null ? null : new BigDecimal(realized));
    }

    private static Line held(Instant at, String position, String price, String cost) {
        Seen seen = new Seen(value("DU123456", position, price, cost, "0", "1"), at);
        return new Line("DU123456", SYMBOL, seen, seen);
    }

    /** Closed at {@code closedAt} with this realised P&L after being held as {@code before}. */
    private static Line closed(Seen before, Instant closedAt, String realized) {
        Seen last = new Seen(value("DU123456", "0", "0", "0", realized, "1"), closedAt);
        return new Line("DU123456", SYMBOL, last, before);
    }

    private static Seen wasHeld(Instant at, String position, String cost, String realized) {
        return new Seen(value("DU123456", position, "0.5", cost, realized, "1"), at);
    }

    private static SourceAnswer judge(Line... lines) {
        return EventPayout.judge(SYMBOL, EXPIRY, "DU123456", List.of(lines));
    }

    @Test
    void heldAtAMarketPriceOfOneResolvedYes() {
        SourceAnswer answer = judge(held(AFTER, "10", "1.0", "0.55"));

        assertEquals(Outcome.YES, answer.resolution().outcome());
        assertEquals(BigDecimal.ONE, answer.resolution().settlementPrice());
        assertEquals(
                SYMBOL
                        + ": in DU123456, held 10 at a market price of 1 after its trading was"
                        + " over: it pays 1 (IBKR account)",
                answer.resolution().basis());
    }

    @Test
    void heldAtAMarketPriceOfZeroResolvedNo() {
        assertEquals(Outcome.NO, judge(held(AFTER, "10", "0", "0.55")).resolution().outcome());
    }

    @Test
    void aPriceBetweenIsNoOutcome() {
        SourceAnswer answer = judge(held(AFTER, "10", "0.97", "0.55"));

        assertNull(answer.resolution());
        assertEquals(
                SYMBOL
                        + " awaits its outcome: in DU123456, held 10 at a market price of 0.97"
                        + " after its trading was over, neither 1 nor 0",
                answer.undetermined());
    }

    @Test
    void aPriceOfOneBeforeTradingWasOverIsNoOutcome() {
        SourceAnswer answer = judge(held(DURING, "10", "1", "0.55"));

        assertNull(answer.resolution());
        assertTrue(
                answer.undetermined()
                        .contains(
                                "last reported at 2026-12-31T23:59:59Z, before its trading was"
                                        + " over (00:00 UTC after 2026-12-31)"),
                answer.undetermined());
    }

    /** 10 held at 0.42, closed with -4.20 realised: 0.42 + (-4.20 / 10) = 0 per unit. */
    @Test
    void closedLosingWhatItCostResolvedNo() {
        SourceAnswer answer = judge(closed(wasHeld(AFTER, "10", "0.42", "0"), LATER, "-4.2"));

        assertEquals(Outcome.NO, answer.resolution().outcome());
        assertEquals(
                SYMBOL
                        + ": in DU123456, closed (position 0, realised P&L -4.2) after holding 10"
                        + " at an average cost of 0.42 (realised P&L 0): it paid 0 per unit (IBKR"
                        + " account)",
                answer.resolution().basis());
    }

    /** 4 held at 0.3725, closed with 2.51 realised: 0.3725 + 2.51 / 4 = 0.3725 + 0.6275 = 1. */
    @Test
    void closedGainingOneLessItsCostResolvedYes() {
        assertEquals(
                Outcome.YES,
                judge(closed(wasHeld(AFTER, "4", "0.3725", "0"), LATER, "2.51"))
                        .resolution()
                        .outcome());
    }

    /**
     * IB's doubles: 3 bought at 0.55 with 0.0115 commission cost 0.553833333333333 each; 3 × (1 −
     * 0.553833333333333) = 1.338500000000001 realised. 0.553833333333333 + 0.446166666666667 = 1.
     */
    @Test
    void doublesThatRoundInTheirLastDigitsStillTell() {
        assertEquals(
                Outcome.YES,
                judge(
                                closed(
                                        wasHeld(AFTER, "3", "0.553833333333333", "0"),
                                        LATER,
                                        "1.338500000000001"))
                        .resolution()
                        .outcome());
    }

    /** 4 of 10 were sold earlier (1.20 realised); 6 left at 0.50 settle: 0.50 + 3.00 / 6 = 1. */
    @Test
    void onlyThePnlRealisedSinceItWasLastHeldCounts() {
        assertEquals(
                Outcome.YES,
                judge(closed(wasHeld(AFTER, "6", "0.5", "1.2"), LATER, "4.2"))
                        .resolution()
                        .outcome());
    }

    /** 5 sold short at 0.30, settled at 0 (NO): realised 5 × 0.30 = 1.50; 0.30 + 1.50 / −5 = 0. */
    @Test
    void aShortPositionWorksOutTheSameWay() {
        assertEquals(
                Outcome.NO,
                judge(closed(wasHeld(AFTER, "-5", "0.3", "0"), LATER, "1.5"))
                        .resolution()
                        .outcome());
    }

    /** 10 at 0.42 closed with 1.50 realised: 0.42 + 0.15 = 0.57, a sale, not a payout. */
    @Test
    void aPayoutNeitherOneNorZeroIsNoOutcome() {
        SourceAnswer answer = judge(closed(wasHeld(AFTER, "10", "0.42", "0"), LATER, "1.5"));

        assertNull(answer.resolution());
        assertTrue(
                answer.undetermined().endsWith("it paid 0.57 per unit, neither 1 nor 0"),
                answer.undetermined());
    }

    @Test
    void aCloseWhoseHoldingWasNotSeenIsNoOutcome() {
        SourceAnswer answer = judge(closed(null, LATER, "-4.2"));

        assertNull(answer.resolution());
        assertTrue(
                answer.undetermined().endsWith("but what it held before was not seen"),
                answer.undetermined());
    }

    @Test
    void aCloseOfWhatWasLastSeenHeldWhileTradingMayBeATradeAndIsNoOutcome() {
        SourceAnswer answer = judge(closed(wasHeld(DURING, "10", "0.42", "0"), LATER, "-4.2"));

        assertNull(answer.resolution());
        assertTrue(
                answer.undetermined().endsWith("so the close may have been a trade"),
                answer.undetermined());
    }

    @Test
    void aCloseWithAnUnsetFigureIsNoOutcome() {
        SourceAnswer answer = judge(closed(wasHeld(AFTER, "10", null, "0"), LATER, "-4.2"));

        assertNull(answer.resolution());
        assertTrue(answer.undetermined().endsWith("IB left a figure unset or unreadable"));
    }

    /** A multiplier of 100: 2 held at 42.00 per contract, −84 realised: (42 − 42) / 100 = 0. */
    @Test
    void theMultiplierIsDividedOut() {
        Seen before = new Seen(value("DU123456", "2", "0.4", "42", "0", "100"), AFTER);
        Seen after = new Seen(value("DU123456", "0", "0", "0", "-84", "100"), LATER);

        assertEquals(
                Outcome.NO,
                judge(new Line("DU123456", SYMBOL, after, before)).resolution().outcome());
    }

    @Test
    void accountsThatDisagreeAreNoOutcome() {
        Seen yes = new Seen(value("DU1", "1", "1", "0.5", "0", "1"), AFTER);
        Seen no = new Seen(value("DU2", "1", "0", "0.5", "0", "1"), AFTER);

        SourceAnswer answer =
                judge(new Line("DU1", SYMBOL, yes, yes), new Line("DU2", SYMBOL, no, no));

        assertNull(answer.resolution());
        assertTrue(answer.undetermined().contains("the accounts' figures disagree"));
    }

    @Test
    void aContractTheAccountNeverShowedIsNoOutcome() {
        SourceAnswer answer = judge();

        assertNull(answer.resolution());
        assertEquals(
                "The IBKR account DU123456 has not shown "
                        + SYMBOL
                        + " in its portfolio since Tickerdesk connected, so its payout cannot be"
                        + " seen; enter the outcome",
                answer.undetermined());
    }
}
