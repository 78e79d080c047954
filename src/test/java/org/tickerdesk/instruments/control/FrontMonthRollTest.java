package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * The roll on Monday 2026-11-30. By hand: the E-mini's front is December 2026 (third Friday, the
 * 18th: ESZ6); crude's December delivery stopped trading on 2026-11-20 (the 25th of November is a
 * Wednesday, three business days before it), so its front is January 2027 (the 25th of December a
 * Friday, three business days back: the 22nd), CLF7.
 */
class FrontMonthRollTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final Instant SETTLED = Instant.parse("2026-09-19T10:00:00Z");

    private static Instrument future(String symbol, String exchange, LocalDate expiry) {
        return new Instrument(
                new Contract(
                        symbol,
                        InstrumentKind.FUTURE,
                        exchange,
                        "USD",
                        new BigDecimal(exchange.equals("CME") ? "0.25" : "0.01"),
                        expiry),
                symbol);
    }

    private static Instrument esu6() {
        return future("ESU6", "CME", LocalDate.of(2026, 9, 18));
    }

    private static Instrument esz6() {
        return future("ESZ6", "CME", LocalDate.of(2026, 12, 18));
    }

    private static List<String> watched(FrontMonthRoll.Plan plan) {
        return plan.watch().stream().map(Instrument::symbol).toList();
    }

    @Test
    void anExpiredContractNotYetSettledBringsTheFrontButStaysWatched() {
        FrontMonthRoll.Plan plan = FrontMonthRoll.plan(List.of(esu6()), TODAY);

        assertEquals(List.of("ESZ6"), watched(plan));
        assertEquals(List.of(), plan.unwatch(), "its positions and last price are still needed");
        Instrument front = plan.watch().get(0);
        assertEquals(LocalDate.of(2026, 12, 18), front.contract().expiry());
        assertEquals("E-mini S&P 500 December 2026", front.description());
    }

    @Test
    void aSettledExpiredContractLeavesOnceTheFrontIsWatched() {
        Instrument expired = esu6();
        expired.settled(SETTLED);

        FrontMonthRoll.Plan plan = FrontMonthRoll.plan(List.of(expired, esz6()), TODAY);

        assertEquals(List.of(), watched(plan), "the front is watched already");
        assertEquals(List.of("ESU6"), plan.unwatch());
    }

    @Test
    void crudeRollsToJanuaryAndAFrontOnceUnwatchedIsWatchedAgain() {
        Instrument clz6 = future("CLZ6", "NYMEX", LocalDate.of(2026, 11, 20));
        clz6.settled(Instant.parse("2026-11-21T10:00:00Z"));
        Instrument clf7 = future("CLF7", "NYMEX", LocalDate.of(2026, 12, 22));
        clf7.unwatch();

        FrontMonthRoll.Plan plan = FrontMonthRoll.plan(List.of(clz6, clf7), TODAY);

        assertEquals(List.of("CLF7"), watched(plan));
        assertEquals(LocalDate.of(2026, 12, 22), plan.watch().get(0).contract().expiry());
        assertEquals(List.of("CLZ6"), plan.unwatch());
    }

    @Test
    void nothingIsDueWhileTheWatchedContractTradesOrNobodyWatchesTheSeries() {
        Instrument unwatched = esu6();
        unwatched.unwatch();
        Instrument otherExchange = future("ESU6", "CBOT", LocalDate.of(2026, 9, 18));
        Instrument notACode = future("ESU26", "CME", LocalDate.of(2026, 9, 18));

        for (List<Instrument> all :
                List.of(
                        List.of(esz6()),
                        List.of(unwatched),
                        List.of(otherExchange),
                        List.of(notACode))) {
            FrontMonthRoll.Plan plan = FrontMonthRoll.plan(all, TODAY);
            assertEquals(List.of(), watched(plan), all.toString());
            assertEquals(List.of(), plan.unwatch(), all.toString());
        }
    }

    @Test
    void onTheExpiryDayItselfTheContractStillTrades() {
        assertEquals(
                List.of(),
                watched(FrontMonthRoll.plan(List.of(esz6()), LocalDate.of(2026, 12, 18))));
    }
}
