package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Specification of a price set from outside: the walk quotes it as given, snapped to its grid, and
 * steps on from it as from a price of its own.
 */
class PriceWalkInjectionTest {

    private static final long T = 1_700_000_000_000_000L;

    @Test
    void aTickWithBidAndAskIsQuotedExactlyAsGiven() {
        PriceWalk walk = new PriceWalk(7, PriceWalkTest.AAPL);
        long volume = walk.current(T).volume();

        Quote quote = walk.inject(180.0, 179.99, 180.01, 300, T + 1);

        assertEquals(179.99, quote.bid());
        assertEquals(180.01, quote.ask());
        assertEquals(180.0, quote.last());
        assertEquals(300, quote.lastSize());
        assertEquals(volume + 300, quote.volume());
        assertEquals(T + 1, quote.timestampMicros());
        assertEquals(quote, walk.current(T + 1), "the walk now stands there");
    }

    @Test
    void withoutBidAndAskTheSpreadIsOneToFourTicksAroundTheTrade() {
        for (long seed = 0; seed < 200; seed++) {
            Quote quote =
                    new PriceWalk(seed, PriceWalkTest.AAPL)
                            .inject(180, Double.NaN, Double.NaN, 0, T);

            assertEquals(180.0, quote.last());
            assertTrue(quote.bid() <= 180.0 && 180.0 <= quote.ask(), quote.toString());
            long spreadTicks = Math.round((quote.ask() - quote.bid()) * 100);
            assertTrue(spreadTicks >= 1 && spreadTicks <= 4, quote.toString());
            assertTrue(quote.lastSize() >= 100 && quote.lastSize() % 100 == 0, "whole lots");
        }
    }

    @Test
    void theWalkContinuesFromTheInjectedPriceNotFromItsOwn() {
        // AAPL starts near 255; 1000 is far from anything it would reach by itself.
        PriceWalk walk = new PriceWalk(7, PriceWalkTest.AAPL);
        walk.inject(1000.0, Double.NaN, Double.NaN, 0, T);

        Quote next = walk.next(T + 1);
        // A volatility of 1e-4 a step is 0.10 at 1000; a whole unit is ten times that.
        assertTrue(Math.abs(next.last() - 1000.0) <= 1, "one step moves a little: " + next);
        Quote later = next;
        for (int i = 2; i <= 1000; i++) {
            later = walk.next(T + i);
        }
        // Over 1000 steps that is about 3.2, and the pull back to 255 is 1e-6 a step.
        assertTrue(Math.abs(later.last() - 1000.0) <= 20, "still near 1000: " + later);
    }

    @Test
    void pricesAreSnappedToTheGridAtLeastOneTick() {
        PriceWalk walk = new PriceWalk(7, PriceWalkTest.ES);

        assertEquals(5000.25, walk.inject(5000.3, 5000.1, 5000.4, 1, T).last());
        assertEquals(5000.0, walk.current(T).bid());
        assertEquals(5000.5, walk.current(T).ask());
        assertEquals(0.25, walk.snap(0.01));
    }

    @Test
    void anEventContractStaysAProbabilityBelowOne() {
        PriceWalk walk = new PriceWalk(7, PriceWalkTest.EVENT);

        assertEquals(0.99, walk.snap(0.999));
        Quote quote = walk.inject(0.99, Double.NaN, Double.NaN, 0, T);
        assertEquals(0.99, quote.last());
        assertTrue(quote.ask() <= 0.99 && quote.bid() < quote.ask(), quote.toString());
        Quote next = walk.next(T + 1);
        assertTrue(next.last() > 0.9 && next.ask() <= 0.99, next.toString());
    }

    @Test
    void aHeldOrScriptedWalkDoesNotMoveByItself() {
        PriceWalk walk = new PriceWalk(7, PriceWalkTest.AAPL);
        assertTrue(walk.moves());

        walk.hold(true);
        assertFalse(walk.moves());
        walk.script(true);
        walk.hold(false);
        assertFalse(walk.moves(), "a scripted path still moves it");
        walk.script(false);
        assertTrue(walk.moves());
    }
}
