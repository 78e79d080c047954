package org.tickerdesk.marketdata.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/** Specification of one simulated symbol: deterministic, and realistic on every single step. */
class PriceWalkTest {

    static final Contract AAPL = Contract.stock("AAPL", "SMART");
    static final Contract ES = future("ESZ6", "0.25");
    static final Contract CL = future("CL", "0.01");
    static final Contract OPTION =
            new Contract(
                    "AAPL-C250",
                    InstrumentKind.OPTION,
                    "SMART",
                    "USD",
                    new BigDecimal("0.05"),
                    LocalDate.of(2026, 12, 18));
    static final Contract EVENT =
            new Contract(
                    "FED-CUT-DEC",
                    InstrumentKind.EVENT,
                    "KALSHI",
                    "USD",
                    new BigDecimal("0.01"),
                    LocalDate.of(2026, 12, 10));

    private static final int STEPS = 50_000;

    static Contract future(String symbol, String tick) {
        return new Contract(
                symbol,
                InstrumentKind.FUTURE,
                "CME",
                "USD",
                new BigDecimal(tick),
                LocalDate.of(2026, 12, 18));
    }

    static List<Quote> walk(long seed, Contract contract, int steps) {
        PriceWalk walk = new PriceWalk(seed, contract);
        List<Quote> quotes = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            quotes.add(walk.next(1_700_000_000_000_000L + i));
        }
        return quotes;
    }

    @Test
    void theSameSeedAndContractGiveTheSameQuotes() {
        assertEquals(walk(42, AAPL, 1000), walk(42, AAPL, 1000));
    }

    @Test
    void anotherSeedOrSymbolGivesOtherQuotes() {
        List<Quote> base = walk(42, AAPL, 200);
        assertNotEquals(prices(base), prices(walk(43, AAPL, 200)));
        assertNotEquals(prices(base), prices(walk(42, Contract.stock("AAPM", "SMART"), 200)));
    }

    @Test
    void everyStockQuoteIsRealistic() {
        assertRealistic(AAPL, 100);
    }

    @Test
    void everyFutureQuoteIsRealisticOnItsOwnTick() {
        assertRealistic(ES, 1);
        assertRealistic(CL, 1);
    }

    @Test
    void optionsWalkOnTheirTickToo() {
        assertRealistic(OPTION, 1);
    }

    @Test
    void anEventContractIsAProbabilityStrictlyInsideZeroAndOne() {
        List<Quote> quotes = assertRealistic(EVENT, 1);
        for (Quote q : quotes) {
            assertTrue(q.bid() >= 0.01 && q.ask() <= 0.99, () -> "outside (0, 1): " + q);
        }
        assertTrue(distinct(quotes) > 20, "the probability should move");
    }

    @Test
    void anEventContractHuggingTheEdgesStaysInside() {
        // A coarse tick leaves only a few levels inside (0, 1); the walk must still fit there.
        Contract coarse =
                new Contract(
                        "COARSE",
                        InstrumentKind.EVENT,
                        "KALSHI",
                        "USD",
                        new BigDecimal("0.25"),
                        LocalDate.of(2026, 12, 10));
        for (Quote q : walk(7, coarse, 5_000)) {
            assertTrue(
                    q.bid() >= 0.25 && q.bid() < q.ask() && q.ask() <= 0.75, () -> "outside: " + q);
        }
    }

    @Test
    void knownSymbolsStartNearTheirReferencePrice() {
        assertStartsNear(AAPL, 255);
        assertStartsNear(ES, 6000);
        assertStartsNear(CL, 70);
    }

    @Test
    void otherSymbolsStartAtAPriceDerivedFromTheSymbolAlone() {
        Contract unknown = Contract.stock("ZZQX", "SMART");
        double start = walk(1, unknown, 1).get(0).last();
        assertTrue(start >= 9 && start <= 510, () -> "start " + start);
        assertEquals(
                start,
                walk(2, unknown, 1).get(0).last(),
                start * 0.01,
                "the seed does not move the start price");
    }

    @Test
    void theStockMovesButStaysPlausible() {
        List<Quote> quotes = walk(42, AAPL, 200_000);
        assertTrue(distinct(quotes) > 100, "the price should move");
        for (Quote q : quotes) {
            assertTrue(q.last() > 255 / 2.0 && q.last() < 255 * 2.0, () -> "implausible: " + q);
        }
    }

    @Test
    void theTickGridGivesTheDecimalPriceExactly() {
        TickGrid cents = new TickGrid(new BigDecimal("0.01"));
        TickGrid quarters = new TickGrid(new BigDecimal("0.25"));
        assertAll(
                () -> assertEquals(172.34, cents.price(17234)),
                () -> assertEquals(0.07, cents.price(7)),
                () -> assertEquals(6000.25, quarters.price(24001)),
                () -> assertEquals(99, cents.ticksBelowOne()),
                () -> assertEquals(3, quarters.ticksBelowOne()));
    }

    private static List<Quote> assertRealistic(Contract contract, long lot) {
        BigDecimal tick = contract.tickSize();
        List<Quote> quotes = walk(42, contract, STEPS);
        int trades = 0;
        Quote previous = null;
        for (Quote q : quotes) {
            Quote p = previous;
            expect(q.bid() > 0 && q.bid() < q.ask(), "0 < bid < ask", q);
            expect(
                    onGrid(q.bid(), tick) && onGrid(q.ask(), tick) && onGrid(q.last(), tick),
                    "prices on the tick grid",
                    q);
            expect(
                    Math.round((q.ask() - q.bid()) / tick.doubleValue()) <= 4,
                    "at most a few ticks wide",
                    q);
            expect(q.bid() <= q.last() && q.last() <= q.ask(), "last within [bid, ask]", q);
            expect(q.bidSize() > 0 && q.askSize() > 0 && q.lastSize() > 0, "positive sizes", q);
            expect(
                    q.bidSize() % lot == 0 && q.askSize() % lot == 0 && q.lastSize() % lot == 0,
                    "whole lots of " + lot,
                    q);
            expect(q.type() == MarketDataType.LIVE, "live", q);
            expect(
                    p == null
                            || q.volume() == p.volume()
                            || q.volume() == p.volume() + q.lastSize(),
                    "volume grows by exactly the size of a trade",
                    q);
            if (p != null && q.volume() > p.volume()) {
                trades++;
            }
            previous = q;
        }
        assertTrue(
                trades > STEPS / 5 && trades < STEPS * 4 / 5,
                "some ticks trade, some only quote: " + trades);
        return quotes;
    }

    private static void assertStartsNear(Contract contract, double reference) {
        double start = walk(42, contract, 1).get(0).last();
        assertEquals(reference, start, reference * 0.01, contract.symbol());
    }

    private static boolean onGrid(double price, BigDecimal tick) {
        return BigDecimal.valueOf(price).remainder(tick).signum() == 0;
    }

    private static void expect(boolean holds, String what, Quote quote) {
        if (!holds) {
            fail(what + ": " + quote);
        }
    }

    private static List<Double> prices(List<Quote> quotes) {
        return quotes.stream().map(Quote::last).toList();
    }

    private static int distinct(List<Quote> quotes) {
        Set<Double> seen = new HashSet<>();
        quotes.forEach(q -> seen.add(q.last()));
        return seen.size();
    }
}
