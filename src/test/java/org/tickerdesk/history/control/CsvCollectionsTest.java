package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.CsvUpload;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.testing.SettableClock;

/**
 * The collection of a stored CSV file, the same for the REST API and the Collect page: its
 * instrument's trades over the range its bars span, its last bar included, but never into the
 * future; a file without a single bar is refused naming the file.
 */
class CsvCollectionsTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T15:00:00Z"));
    private final CsvCollections collections = new CsvCollections();

    CsvCollectionsTest() {
        collections.clock = clock;
    }

    private static CsvUpload upload(Instant first, Instant last) {
        return new CsvUpload(
                42,
                "aapl.csv",
                "AAPL",
                BarSize.DAY_1,
                ZoneId.of("America/New_York"),
                250,
                first,
                last);
    }

    @Test
    void anUploadIsCollectedOverTheDaysItsBarsSpanItsLastBarIncluded() {
        CollectionRequest request =
                collections.request(
                        upload(
                                Instant.parse("2020-01-02T00:00:00Z"),
                                Instant.parse("2020-12-31T00:00:00Z")));

        assertEquals(HistorySourceName.CSV, request.source());
        assertEquals(List.of("AAPL"), request.symbols());
        assertEquals(BarSize.DAY_1, request.barSize());
        assertEquals(WhatToShow.TRADES, request.whatToShow());
        assertEquals(42L, request.upload());
        assertEquals(Instant.parse("2020-01-02T00:00:00Z"), request.from());
        assertEquals(Instant.parse("2021-01-01T00:00:00Z"), request.to());
    }

    @Test
    void anUploadWhoseLastBarIsTodaysEndsNowNotTomorrow() {
        CollectionRequest request =
                collections.request(
                        upload(
                                Instant.parse("2026-11-02T00:00:00Z"),
                                Instant.parse("2026-11-30T00:00:00Z")));

        assertEquals(Instant.parse("2026-11-30T15:00:00Z"), request.to());
    }

    @Test
    void anUploadWithoutASingleBarIsRefusedNamingTheFile() {
        HistoryFailureException refused =
                assertThrows(
                        HistoryFailureException.class,
                        () -> collections.request(upload(null, null)));

        assertEquals("file", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).message().contains("aapl.csv"));
    }
}
