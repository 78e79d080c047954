package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.SeriesSpan;
import org.tickerdesk.history.entity.StoredBar;
import org.tickerdesk.history.entity.StoredCandles;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * What the bar store's statements do to PostgreSQL ({@link BarStoreTest} checks their text): a bar
 * is keyed by instrument, bar size, series and start, and storing it again overwrites it with what
 * was fetched last; a window is stored whole or not at all, in the caller's transaction; prices
 * come back as the decimals that went in; the series' ends and holes are read without its bars.
 */
@ExtendWith(ArquillianExtension.class)
class BarStoreContainerIT {

    private static final Instant T0 = Instant.parse("2025-11-20T14:30:00Z");
    private static final Instant FIRST_FETCH = Instant.parse("2025-11-20T21:00:05Z");
    private static final Instant SECOND_FETCH = Instant.parse("2025-11-21T08:15:00Z");

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject BarStore bars;

    @Inject UserTransaction transaction;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Resource ManagedExecutorService executor;

    @Test
    void aWindowWrittenTwiceLeavesTheSameRows() throws SQLException {
        long instrument = instrument("CIT-TWICE");
        List<Bar> window =
                List.of(
                        bar(T0, "101.25", "101.75", "101.00", "101.50", "1200", "101.40", 31),
                        bar(
                                T0.plusSeconds(60),
                                "101.50",
                                "102.00",
                                "101.50",
                                "101.90",
                                "800",
                                "101.70",
                                17),
                        bar(
                                T0.plusSeconds(120),
                                "101.90",
                                "101.90",
                                "101.10",
                                "101.20",
                                null,
                                null,
                                null));

        assertEquals(
                3,
                bars.upsert(
                        instrument, BarSize.MIN_1, WhatToShow.TRADES, "ibkr", FIRST_FETCH, window));
        assertEquals(
                3,
                bars.upsert(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        "ibkr",
                        SECOND_FETCH,
                        window));

        assertEquals(3, rowsOf(instrument));
        List<StoredBar> stored = all(instrument, BarSize.MIN_1, WhatToShow.TRADES);
        assertEquals(3, stored.size());
        for (int i = 0; i < 3; i++) {
            assertSameBar(window.get(i), stored.get(i).bar());
            assertEquals("ibkr", stored.get(i).source());
            assertEquals(SECOND_FETCH, stored.get(i).fetchedAt());
        }
    }

    @Test
    void anOverlappingWindowUpdatesOnlyItsBars() throws SQLException {
        long instrument = instrument("CIT-OVERLAP");
        Bar first = bar(T0, "50.00", "50.40", "49.90", "50.20", "300", "50.10", 9);
        Bar second =
                bar(T0.plusSeconds(60), "50.20", "50.60", "50.10", "50.50", "400", "50.30", 12);
        Bar formingThird =
                bar(T0.plusSeconds(120), "50.50", "50.70", "50.45", "50.60", "100", "50.55", 3);
        bars.upsert(
                instrument,
                BarSize.MIN_1,
                WhatToShow.TRADES,
                "ibkr",
                FIRST_FETCH,
                List.of(first, second, formingThird));

        Bar finalThird =
                bar(T0.plusSeconds(120), "50.50", "50.90", "50.30", "50.35", "650", "50.52", 21);
        Bar fourth =
                bar(T0.plusSeconds(180), "50.35", "50.40", "50.00", "50.05", "500", "50.20", 15);
        assertEquals(
                2,
                bars.upsert(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        "ibkr",
                        SECOND_FETCH,
                        List.of(finalThird, fourth)));

        List<StoredBar> stored = all(instrument, BarSize.MIN_1, WhatToShow.TRADES);
        assertEquals(4, stored.size());
        assertEquals(4, rowsOf(instrument));
        assertSameBar(first, stored.get(0).bar());
        assertEquals(FIRST_FETCH, stored.get(0).fetchedAt());
        assertSameBar(second, stored.get(1).bar());
        assertEquals(FIRST_FETCH, stored.get(1).fetchedAt());
        assertSameBar(finalThird, stored.get(2).bar());
        assertEquals(SECOND_FETCH, stored.get(2).fetchedAt());
        assertSameBar(fourth, stored.get(3).bar());
        assertEquals(SECOND_FETCH, stored.get(3).fetchedAt());
    }

    @Test
    void barsAreKeyedByInstrumentBarSizeSeriesAndStart() throws SQLException {
        long instrument = instrument("CIT-KEY-A");
        long other = instrument("CIT-KEY-B");
        Bar trades = bar(T0, "10.00", "10.00", "10.00", "10.00", "5", null, 1);
        Bar midpoint = bar(T0, "10.05", "10.05", "10.05", "10.05", null, null, null);
        Bar fiveMinutes = bar(T0, "10.00", "10.30", "9.90", "10.20", "70", null, 11);
        Bar otherInstrument = bar(T0, "77.00", "77.00", "77.00", "77.00", "2", null, 1);

        bars.upsert(
                instrument, BarSize.MIN_1, WhatToShow.TRADES, "csv", FIRST_FETCH, List.of(trades));
        bars.upsert(
                instrument,
                BarSize.MIN_1,
                WhatToShow.MIDPOINT,
                "csv",
                FIRST_FETCH,
                List.of(midpoint));
        bars.upsert(
                instrument,
                BarSize.MIN_5,
                WhatToShow.TRADES,
                "csv",
                FIRST_FETCH,
                List.of(fiveMinutes));
        bars.upsert(
                other,
                BarSize.MIN_1,
                WhatToShow.TRADES,
                "csv",
                FIRST_FETCH,
                List.of(otherInstrument));

        assertEquals(3, rowsOf(instrument));
        assertEquals(1, rowsOf(other));
        assertOnly(trades, all(instrument, BarSize.MIN_1, WhatToShow.TRADES));
        assertOnly(midpoint, all(instrument, BarSize.MIN_1, WhatToShow.MIDPOINT));
        assertOnly(fiveMinutes, all(instrument, BarSize.MIN_5, WhatToShow.TRADES));
        assertOnly(otherInstrument, all(other, BarSize.MIN_1, WhatToShow.TRADES));
    }

    @Test
    void aWindowBesideStoredBarsIsCopiedInAndLeavesThemAsTheyWere() throws SQLException {
        long instrument = instrument("CIT-BESIDE");
        Bar first = bar(T0, "30.00", "30.50", "29.90", "30.10", "100", null, 4);
        Bar second = bar(T0.plusSeconds(60), "30.10", "30.20", "30.00", "30.05", "50", null, 2);
        Bar later = bar(T0.plusSeconds(180), "31.00", "31.00", "30.80", "30.90", "70", null, 3);
        Bar earlier = bar(T0.minusSeconds(60), "29.00", "29.10", "28.90", "29.05", "20", null, 1);

        bars.upsert(
                instrument,
                BarSize.MIN_1,
                WhatToShow.TRADES,
                "csv",
                FIRST_FETCH,
                List.of(first, second));
        assertEquals(
                1,
                bars.upsert(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        "yahoo",
                        SECOND_FETCH,
                        List.of(later)));
        assertEquals(
                1,
                bars.upsert(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        "yahoo",
                        SECOND_FETCH,
                        List.of(earlier)));

        List<StoredBar> stored = all(instrument, BarSize.MIN_1, WhatToShow.TRADES);
        assertEquals(4, stored.size());
        assertSameBar(earlier, stored.get(0).bar());
        assertSameBar(first, stored.get(1).bar());
        assertSameBar(second, stored.get(2).bar());
        assertSameBar(later, stored.get(3).bar());
        assertEquals("csv", stored.get(1).source());
        assertEquals(FIRST_FETCH, stored.get(2).fetchedAt());
        assertEquals("yahoo", stored.get(3).source());
        assertEquals(SECOND_FETCH, stored.get(0).fetchedAt());
    }

    @Test
    void barsOfAnInstrumentThatDoesNotExistAreRefusedWhole() throws SQLException {
        long missing = instrument("CIT-MISSING") + 1_000_000;

        assertThrows(
                EJBException.class,
                () ->
                        bars.upsert(
                                missing,
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                "csv",
                                FIRST_FETCH,
                                List.of(bar(T0, "10", "10", "10", "10", "1", null, 1))));

        assertEquals(0, rowsOf(missing));
    }

    @Test
    void aSecondWriterOfTheInstrumentWaitsForTheFirstAndOverwritesWhatItStored() throws Exception {
        long instrument = instrument("CIT-TURNS");
        Bar first = bar(T0, "40.00", "40.50", "39.90", "40.10", "100", null, 4);
        Bar revised = bar(T0, "40.00", "40.90", "39.80", "40.70", "180", null, 9);
        Bar next = bar(T0.plusSeconds(60), "40.70", "40.80", "40.60", "40.65", "60", null, 3);

        transaction.begin();
        Future<Integer> second;
        try {
            bars.upsert(
                    instrument,
                    BarSize.MIN_1,
                    WhatToShow.TRADES,
                    "ibkr",
                    FIRST_FETCH,
                    List.of(first));
            second =
                    executor.submit(
                            () -> {
                                UserTransaction own =
                                        InitialContext.doLookup("java:comp/UserTransaction");
                                own.begin();
                                try {
                                    return bars.upsert(
                                            instrument,
                                            BarSize.MIN_1,
                                            WhatToShow.TRADES,
                                            "ibkr",
                                            SECOND_FETCH,
                                            List.of(revised, next));
                                } finally {
                                    own.commit();
                                }
                            });
            Thread.sleep(500);
            assertFalse(second.isDone(), "the second writer waits while the first holds its lock");
        } finally {
            transaction.commit();
        }

        assertEquals(2, second.get(30, TimeUnit.SECONDS));
        List<StoredBar> stored = all(instrument, BarSize.MIN_1, WhatToShow.TRADES);
        assertEquals(2, stored.size());
        assertSameBar(revised, stored.get(0).bar());
        assertEquals(SECOND_FETCH, stored.get(0).fetchedAt());
        assertSameBar(next, stored.get(1).bar());
    }

    @Test
    void candlesCarryTheStartInEpochMillisecondsAndTheDecimalsAsStoredWithoutTrailingZeros()
            throws SQLException {
        long instrument = instrument("CIT-CANDLES");
        Bar first = bar(T0, "189.10", "189.6", "189.00000001", "189.5", "12000", null, 95);
        Bar round = bar(T0.plusSeconds(60), "1E+2", "1E+2", "1E+2", "1E+2", null, null, null);
        Bar last = bar(T0.plusSeconds(120), "0.5", "0.75", "0.25", "0.5", "0.125", null, 1);
        bars.upsert(
                instrument,
                BarSize.MIN_1,
                WhatToShow.TRADES,
                "csv",
                FIRST_FETCH,
                List.of(first, round, last));

        assertEquals(
                new StoredCandles(
                        2,
                        "{\"t\":1763649000000,\"o\":189.1,\"h\":189.6,\"l\":189.00000001,"
                                + "\"c\":189.5,\"v\":12000},"
                                + "{\"t\":1763649060000,\"o\":100,\"h\":100,\"l\":100,"
                                + "\"c\":100,\"v\":null}"),
                bars.candles(instrument, BarSize.MIN_1, WhatToShow.TRADES, T0, null, 2, false));
        assertEquals(
                new StoredCandles(
                        2,
                        "{\"t\":1763649060000,\"o\":100,\"h\":100,\"l\":100,\"c\":100,"
                                + "\"v\":null},"
                                + "{\"t\":1763649120000,\"o\":0.5,\"h\":0.75,\"l\":0.25,"
                                + "\"c\":0.5,\"v\":0.125}"),
                bars.candles(instrument, BarSize.MIN_1, WhatToShow.TRADES, null, null, 2, true),
                "the latest two, oldest first");
        assertEquals(
                StoredCandles.NONE,
                bars.candles(instrument, BarSize.MIN_1, WhatToShow.TRADES, null, T0, 10, true),
                "nothing starts before the first bar");
    }

    @Test
    void fillingInAddsOnlyTheBarsNotStoredYet() throws SQLException {
        long instrument = instrument("CIT-FILL");
        Bar collected = bar(T0, "50.00", "50.50", "49.90", "50.10", "100", "50.2", 4);
        Bar liveSame = bar(T0, "51.00", "51.00", "51.00", "51.00", "1", null, 1);
        Bar liveNext = bar(T0.plusSeconds(60), "50.10", "50.30", "50.00", "50.20", "40", null, 2);
        Bar liveApart = bar(T0.plusSeconds(600), "52.00", "52.00", "52.00", "52.00", "5", null, 1);
        bars.upsert(
                instrument,
                BarSize.MIN_1,
                WhatToShow.TRADES,
                "ibkr",
                FIRST_FETCH,
                List.of(collected));

        assertEquals(
                1,
                bars.fillIn(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        "live",
                        SECOND_FETCH,
                        List.of(liveSame, liveNext)),
                "only the bar not stored yet is added");
        bars.fillIn(
                instrument,
                BarSize.MIN_1,
                WhatToShow.TRADES,
                "live",
                SECOND_FETCH,
                List.of(liveApart));

        List<StoredBar> stored = all(instrument, BarSize.MIN_1, WhatToShow.TRADES);
        assertEquals(3, stored.size());
        assertSameBar(collected, stored.get(0).bar());
        assertEquals("ibkr", stored.get(0).source(), "the source's own bar stays");
        assertSameBar(liveNext, stored.get(1).bar());
        assertEquals("live", stored.get(1).source());
        assertSameBar(liveApart, stored.get(2).bar());
    }

    @Test
    void aStartGivenTwiceInOneCallIsStoredOnceAsTheLastOfThem() throws SQLException {
        long instrument = instrument("CIT-DUPLICATE");
        Bar early = bar(T0, "20.00", "20.50", "19.90", "20.10", "100", null, 4);
        Bar other = bar(T0.plusSeconds(60), "20.10", "20.20", "20.00", "20.05", "50", null, 2);
        Bar revised = bar(T0, "20.00", "20.80", "19.80", "20.70", "180", "20.40", 9);

        assertEquals(
                2,
                bars.upsert(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        "simulated",
                        FIRST_FETCH,
                        List.of(early, other, revised)));

        List<StoredBar> stored = all(instrument, BarSize.MIN_1, WhatToShow.TRADES);
        assertEquals(2, stored.size());
        assertSameBar(revised, stored.get(0).bar());
        assertSameBar(other, stored.get(1).bar());
        assertEquals("simulated", stored.get(0).source());
    }

    @Test
    void pricesComeBackAsTheExactDecimalsSentAndMissingValuesAsNull() throws SQLException {
        long instrument = instrument("CIT-EXACT");
        Bar exact =
                bar(
                        T0,
                        "12345678901.12345678",
                        "12345678901.12345679",
                        "12345678901.00000001",
                        "12345678901.1",
                        "0.00000001",
                        "12345678901.12345678",
                        0);
        Bar sparse = bar(T0.plusSeconds(60), "0.1", "0.3", "0.1", "0.2", null, null, null);
        bars.upsert(
                instrument,
                BarSize.MIN_1,
                WhatToShow.TRADES,
                "csv",
                FIRST_FETCH,
                List.of(exact, sparse));

        List<StoredBar> stored = all(instrument, BarSize.MIN_1, WhatToShow.TRADES);
        assertEquals(
                new BigDecimal("12345678901.12345679"), plainValue(stored.get(0).bar().high()));
        assertEquals(new BigDecimal("12345678901.00000001"), plainValue(stored.get(0).bar().low()));
        assertEquals(new BigDecimal("1E-8"), plainValue(stored.get(0).bar().volume()));
        assertSameBar(exact, stored.get(0).bar());
        assertSameBar(sparse, stored.get(1).bar());
        assertNull(stored.get(1).bar().volume());
        assertNull(stored.get(1).bar().wap());
        assertNull(stored.get(1).bar().count());
    }

    @Test
    void aBarTheDatabaseRefusesLeavesNoneOfItsWindow() throws SQLException {
        long instrument = instrument("CIT-REFUSED");
        Bar fine = bar(T0, "10", "10", "10", "10", "1", null, 1);
        Bar tooLarge = bar(T0.plusSeconds(60), "1E+12", "1E+12", "1E+12", "1E+12", "1", null, 1);

        assertThrows(
                EJBException.class,
                () ->
                        bars.upsert(
                                instrument,
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                "csv",
                                FIRST_FETCH,
                                List.of(fine, tooLarge, fine)));

        assertEquals(0, rowsOf(instrument));
    }

    @Test
    void aFailureLaterInTheCallersTransactionTakesTheEarlierWindowsWithIt() throws Exception {
        long instrument = instrument("CIT-ROLLBACK");
        Bar first = bar(T0, "10", "10", "10", "10", "1", null, 1);
        Bar second = bar(T0.plusSeconds(60), "11", "11", "11", "11", "1", null, 1);
        Bar tooLarge = bar(T0.plusSeconds(120), "1E+12", "1E+12", "1E+12", "1E+12", "1", null, 1);

        transaction.begin();
        try {
            assertEquals(
                    1,
                    bars.upsert(
                            instrument,
                            BarSize.MIN_1,
                            WhatToShow.TRADES,
                            "csv",
                            FIRST_FETCH,
                            List.of(first)));
            assertEquals(
                    1,
                    bars.upsert(
                            instrument,
                            BarSize.MIN_1,
                            WhatToShow.TRADES,
                            "csv",
                            FIRST_FETCH,
                            List.of(second)),
                    "a second window in the same transaction stages only its own bars");
            assertThrows(
                    EJBException.class,
                    () ->
                            bars.upsert(
                                    instrument,
                                    BarSize.MIN_1,
                                    WhatToShow.TRADES,
                                    "csv",
                                    FIRST_FETCH,
                                    List.of(tooLarge)));
        } finally {
            transaction.rollback();
        }

        assertEquals(0, rowsOf(instrument));
        assertEquals(
                Optional.empty(), bars.lastStart(instrument, BarSize.MIN_1, WhatToShow.TRADES));
    }

    @Test
    void firstAndLastStartAreOfTheOneSeriesAsked() throws SQLException {
        long instrument = instrument("CIT-ENDS");
        bars.upsert(
                instrument,
                BarSize.MIN_1,
                WhatToShow.TRADES,
                "csv",
                FIRST_FETCH,
                List.of(
                        bar(T0.plusSeconds(120), "1", "1", "1", "1", null, null, null),
                        bar(T0, "1", "1", "1", "1", null, null, null),
                        bar(T0.plusSeconds(60), "1", "1", "1", "1", null, null, null)));
        bars.upsert(
                instrument,
                BarSize.MIN_1,
                WhatToShow.MIDPOINT,
                "csv",
                FIRST_FETCH,
                List.of(bar(T0.minusSeconds(600), "1", "1", "1", "1", null, null, null)));

        assertEquals(
                Optional.of(T0), bars.firstStart(instrument, BarSize.MIN_1, WhatToShow.TRADES));
        assertEquals(
                Optional.of(T0.plusSeconds(120)),
                bars.lastStart(instrument, BarSize.MIN_1, WhatToShow.TRADES));
        assertEquals(
                Optional.empty(), bars.firstStart(instrument, BarSize.MIN_5, WhatToShow.TRADES));
    }

    @Test
    void theLatestBarsBeforeAnInstantComeOldestFirst() throws SQLException {
        long instrument = instrument("CIT-LATEST");
        List<Bar> window = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            window.add(bar(T0.plusSeconds(60L * i), "5", "5", "5", "5", null, null, null));
        }
        bars.upsert(instrument, BarSize.MIN_1, WhatToShow.TRADES, "csv", FIRST_FETCH, window);

        List<StoredBar> latest =
                bars.latest(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        null,
                        T0.plusSeconds(60L * 8),
                        3);
        assertEquals(
                List.of(T0.plusSeconds(300), T0.plusSeconds(360), T0.plusSeconds(420)),
                latest.stream().map(b -> b.bar().start()).toList());
    }

    @Test
    void theSpanCountsTheBarsAndNamesOnlyTheHolesLongerThanOneBar() throws SQLException {
        long instrument = instrument("CIT-SPAN");
        List<Bar> window = new ArrayList<>();
        for (int minute : new int[] {0, 1, 2, 5, 6, 9}) {
            window.add(bar(T0.plusSeconds(60L * minute), "5", "5", "5", "5", null, null, null));
        }
        bars.upsert(instrument, BarSize.MIN_1, WhatToShow.TRADES, "csv", FIRST_FETCH, window);

        SeriesSpan span =
                bars.span(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        new TimeRange(T0.minusSeconds(3600), T0.plusSeconds(3600)));
        assertEquals(6, span.count());
        assertEquals(T0, span.first());
        assertEquals(T0.plusSeconds(540), span.last());
        assertEquals(
                List.of(
                        new TimeRange(T0.plusSeconds(180), T0.plusSeconds(300)),
                        new TimeRange(T0.plusSeconds(420), T0.plusSeconds(540))),
                span.holes());

        SeriesSpan inner =
                bars.span(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        new TimeRange(T0.plusSeconds(60), T0.plusSeconds(360)));
        assertEquals(3, inner.count());
        assertEquals(T0.plusSeconds(60), inner.first());
        assertEquals(T0.plusSeconds(300), inner.last());
        assertEquals(
                List.of(new TimeRange(T0.plusSeconds(180), T0.plusSeconds(300))), inner.holes());
        assertEquals(
                SeriesSpan.empty(),
                bars.span(
                        instrument,
                        BarSize.MIN_5,
                        WhatToShow.TRADES,
                        new TimeRange(T0.minusSeconds(3600), T0.plusSeconds(3600))));
    }

    @Test
    void completeDaysGiveTheSameSpanAsTheBarsWouldWithTheHolesBetweenThem() throws SQLException {
        long instrument = instrument("CIT-SPAN-DAYS");
        List<Bar> window = new ArrayList<>();
        for (Instant open :
                List.of(
                        Instant.parse("2025-11-24T14:30:00Z"),
                        Instant.parse("2025-11-26T14:30:00Z"))) {
            for (int minute = 0; minute < 390; minute++) {
                window.add(
                        bar(open.plusSeconds(60L * minute), "5", "5", "5", "5", null, null, null));
            }
        }
        bars.upsert(instrument, BarSize.MIN_1, WhatToShow.TRADES, "csv", FIRST_FETCH, window);

        assertEquals(
                new SeriesSpan(
                        780,
                        Instant.parse("2025-11-24T14:30:00Z"),
                        Instant.parse("2025-11-26T20:59:00Z"),
                        List.of(
                                new TimeRange(
                                        Instant.parse("2025-11-24T21:00:00Z"),
                                        Instant.parse("2025-11-26T14:30:00Z")))),
                bars.span(
                        instrument,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        new TimeRange(
                                Instant.parse("2025-11-24T00:00:00Z"),
                                Instant.parse("2025-11-29T00:00:00Z"))));
    }

    private List<StoredBar> all(long instrument, BarSize size, WhatToShow series) {
        return bars.range(instrument, new BarQuery("ANY", size, series, null, null, 100));
    }

    private static Bar bar(
            Instant start,
            String open,
            String high,
            String low,
            String close,
            String volume,
            String wap,
            Integer count) {
        return new Bar(
                start,
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                new BigDecimal(close),
                volume == null ? null : new BigDecimal(volume),
                wap == null ? null : new BigDecimal(wap),
                count);
    }

    /** PostgreSQL hands NUMERIC(19, 8) back with eight decimals: the same number, another scale. */
    private static void assertSameBar(Bar expected, Bar actual) {
        assertEquals(expected.start(), actual.start());
        assertEquals(plain(expected.open()), plain(actual.open()), "open");
        assertEquals(plain(expected.high()), plain(actual.high()), "high");
        assertEquals(plain(expected.low()), plain(actual.low()), "low");
        assertEquals(plain(expected.close()), plain(actual.close()), "close");
        assertEquals(plain(expected.volume()), plain(actual.volume()), "volume");
        assertEquals(plain(expected.wap()), plain(actual.wap()), "wap");
        assertEquals(expected.count(), actual.count(), "count");
    }

    private static void assertOnly(Bar expected, List<StoredBar> stored) {
        assertEquals(1, stored.size());
        assertSameBar(expected, stored.get(0).bar());
    }

    private static BigDecimal plainValue(BigDecimal value) {
        return value.stripTrailingZeros();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** An instrument of its own for each test, off the watchlist so no feed picks it up. */
    private long instrument(String symbol) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO instruments (symbol, kind, exchange, currency,"
                                        + " tick_size, on_watchlist) VALUES (?, 'STOCK', 'SMART',"
                                        + " 'USD', 0.01, FALSE) RETURNING id")) {
            insert.setString(1, symbol);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long rowsOf(long instrument) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement count =
                        connection.prepareStatement(
                                "SELECT count(*) FROM bars WHERE instrument_id = ?")) {
            count.setLong(1, instrument);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
