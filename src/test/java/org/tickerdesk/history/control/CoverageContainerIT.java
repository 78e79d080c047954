package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CoverageReport;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * Coverage over real rows: the week of Thanksgiving 2025 for a US stock (see {@link GapsTest} for
 * the same week worked by hand), minute bars and daily bars.
 */
@ExtendWith(ArquillianExtension.class)
class CoverageContainerIT {

    private static final Instant FETCHED = Instant.parse("2025-12-01T00:00:00Z");
    private static final Contract STOCK = Contract.stock("CIT-COVER", "SMART");
    private static final TimeRange WEEK =
            new TimeRange(
                    Instant.parse("2025-11-24T00:00:00Z"), Instant.parse("2025-11-29T00:00:00Z"));

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject BarStore bars;

    @Inject Coverage coverage;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void minuteBarsOfAWeekWithAHolidayMissTuesdayAndTheEndOfTheEarlyClose() throws SQLException {
        long instrument = instrument("CIT-COVER-1M");
        List<Bar> stored = new ArrayList<>();
        stored.addAll(minutes("2025-11-24T14:30:00Z", 390));
        stored.addAll(minutes("2025-11-26T14:30:00Z", 390));
        stored.addAll(minutes("2025-11-28T14:30:00Z", 150));
        bars.upsert(instrument, BarSize.MIN_1, WhatToShow.TRADES, "csv", FETCHED, stored);

        CoverageReport week =
                coverage.report(
                        instrument, STOCK, null, BarSize.MIN_1, WhatToShow.TRADES, WEEK, true);
        assertEquals(930, week.count());
        assertEquals(Instant.parse("2025-11-24T14:30:00Z"), week.first());
        assertEquals(Instant.parse("2025-11-28T16:59:00Z"), week.last());
        assertEquals(
                List.of(
                        range("2025-11-25T14:30:00Z", "2025-11-25T21:00:00Z"),
                        range("2025-11-28T17:00:00Z", "2025-11-28T18:00:00Z")),
                week.gaps());
        assertEquals(
                week.gaps(),
                coverage.gaps(
                        instrument, STOCK, null, BarSize.MIN_1, WhatToShow.TRADES, WEEK, true));

        CoverageReport fromStored =
                coverage.report(
                        instrument,
                        STOCK,
                        null,
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        (TimeRange) null,
                        true);
        assertEquals(930, fromStored.count());
        assertEquals(
                List.of(range("2025-11-25T14:30:00Z", "2025-11-25T21:00:00Z")),
                fromStored.gaps(),
                "from the first stored bar to the end of the last");

        CoverageReport other =
                coverage.report(
                        instrument, STOCK, null, BarSize.MIN_1, WhatToShow.MIDPOINT, WEEK, true);
        assertEquals(0, other.count());
        assertNull(other.first());
        assertEquals(4, other.gaps().size(), "every session of the week, Thanksgiving none");
    }

    @Test
    void dailyBarsMissTheTradingDaysWithoutABar() throws SQLException {
        long instrument = instrument("CIT-COVER-1D");
        List<Bar> stored = new ArrayList<>();
        for (String day : List.of("2025-11-24", "2025-11-25", "2025-11-28")) {
            stored.add(bar(Instant.parse(day + "T00:00:00Z")));
        }
        bars.upsert(instrument, BarSize.DAY_1, WhatToShow.TRADES, "csv", FETCHED, stored);

        CoverageReport week =
                coverage.report(
                        instrument, STOCK, null, BarSize.DAY_1, WhatToShow.TRADES, WEEK, true);
        assertEquals(3, week.count());
        assertEquals(List.of(range("2025-11-26T00:00:00Z", "2025-11-27T00:00:00Z")), week.gaps());
    }

    private static TimeRange range(String from, String to) {
        return new TimeRange(Instant.parse(from), Instant.parse(to));
    }

    private static List<Bar> minutes(String first, int count) {
        List<Bar> minutes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            minutes.add(bar(Instant.parse(first).plusSeconds(60L * i)));
        }
        return minutes;
    }

    private static Bar bar(Instant start) {
        BigDecimal price = new BigDecimal("100.00");
        return new Bar(start, price, price, price, price, BigDecimal.ONE, null, 1);
    }

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
}
