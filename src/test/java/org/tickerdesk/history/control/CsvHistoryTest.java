package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CsvUpload;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SkippedBar;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;

/** An uploaded CSV file as a history source, its uploads held in memory. */
class CsvHistoryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The uploads as the database would hold them, without the database. */
    private static final class UploadsInMemory extends CsvUploads {
        final Map<Long, CsvUpload> described = new HashMap<>();
        final Map<Long, byte[]> contents = new HashMap<>();

        void add(CsvUpload upload, String content) {
            described.put(upload.id(), upload);
            contents.put(upload.id(), content.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Optional<CsvUpload> find(long id) {
            return Optional.ofNullable(described.get(id));
        }

        @Override
        public byte[] content(long id) {
            byte[] content = contents.get(id);
            if (content == null) {
                throw gone(id);
            }
            return content;
        }
    }

    private final UploadsInMemory uploads = new UploadsInMemory();
    private final CsvHistory csv = new CsvHistory(uploads);

    CsvHistoryTest() {
        uploads.add(
                new CsvUpload(
                        7,
                        "aapl-minutes.csv",
                        "AAPL",
                        BarSize.MIN_1,
                        NEW_YORK,
                        4,
                        Instant.parse("2024-03-01T14:30:00Z"),
                        Instant.parse("2024-03-01T14:32:00Z")),
                """
                Date,Open,High,Low,Close,Volume
                2024-03-01 09:30,179.55,179.80,179.30,179.67,1523400
                2024-03-01 09:31,179.67,179.92,179.50,179.88,412876
                2024-03-01 09:31,179.67,179.92,179.50,179.88,412876
                2024-03-01 09:32,179.88,179.75,179.60,179.70,301112
                2024-03-01 09:33,179.70,179.85,179.62,179.81,
                """);
    }

    private static HistoryWindow window(
            String symbol, BarSize size, WhatToShow series, String from, String to, Long upload) {
        return new HistoryWindow(
                Contract.stock(symbol, "SMART"),
                size,
                Instant.parse(from),
                Instant.parse(to),
                series,
                true,
                upload);
    }

    private static HistoryWindow window(String from, String to) {
        return window("AAPL", BarSize.MIN_1, WhatToShow.TRADES, from, to, 7L);
    }

    private HistoryFailureException failure(HistoryWindow window) {
        return assertThrows(HistoryFailureException.class, () -> csv.bars(window, TIMEOUT));
    }

    @Test
    void theWholeFileIsOneWindowWithEveryBadLine() {
        Instant from = Instant.parse("2024-03-01T00:00:00Z");
        Instant to = from.plus(csv.longestWindow(BarSize.MIN_1).orElseThrow());
        SourceBars answer =
                csv.bars(
                        window(
                                "AAPL",
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                from.toString(),
                                to.toString(),
                                7L),
                        TIMEOUT);
        assertEquals(
                List.of(
                        new Bar(
                                Instant.parse("2024-03-01T14:30:00Z"),
                                new BigDecimal("179.55"),
                                new BigDecimal("179.80"),
                                new BigDecimal("179.30"),
                                new BigDecimal("179.67"),
                                new BigDecimal("1523400"),
                                null,
                                null),
                        new Bar(
                                Instant.parse("2024-03-01T14:31:00Z"),
                                new BigDecimal("179.67"),
                                new BigDecimal("179.92"),
                                new BigDecimal("179.50"),
                                new BigDecimal("179.88"),
                                new BigDecimal("412876"),
                                null,
                                null)),
                answer.bars());
        assertEquals(
                List.of(
                        new SkippedBar(
                                "line 4", "repeats the bar at 2024-03-01T14:31:00Z of line 3"),
                        new SkippedBar(
                                "line 5",
                                "Bar at 2024-03-01T14:32:00Z: open 179.88 is above high 179.75"),
                        new SkippedBar("line 6", "has no volume")),
                answer.skipped());
    }

    @Test
    void aWindowGetsTheBarsStartingInsideIt() {
        SourceBars answer =
                csv.bars(window("2024-03-01T14:31:00Z", "2024-03-01T14:32:00Z"), TIMEOUT);
        assertEquals(
                List.of(Instant.parse("2024-03-01T14:31:00Z")),
                answer.bars().stream().map(Bar::start).toList());
        assertEquals(3, answer.skipped().size(), "bad lines are reported in every window");
    }

    @Test
    void anotherBarSizeSymbolOrSeriesIsRefused() {
        HistoryFailureException size =
                failure(
                        window(
                                "AAPL",
                                BarSize.MIN_5,
                                WhatToShow.TRADES,
                                "2024-03-01T00:00:00Z",
                                "2024-03-02T00:00:00Z",
                                7L));
        assertEquals(Kind.REFUSED, size.kind());
        assertEquals(
                "The uploaded file 7 (aapl-minutes.csv) holds 1m bars, not 5m", size.getMessage());
        HistoryFailureException symbol =
                failure(
                        window(
                                "MSFT",
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                "2024-03-01T00:00:00Z",
                                "2024-03-02T00:00:00Z",
                                7L));
        assertEquals(
                "The uploaded file 7 (aapl-minutes.csv) holds bars of AAPL, not of MSFT",
                symbol.getMessage());
        HistoryFailureException series =
                failure(
                        window(
                                "AAPL",
                                BarSize.MIN_1,
                                WhatToShow.BID,
                                "2024-03-01T00:00:00Z",
                                "2024-03-02T00:00:00Z",
                                7L));
        assertEquals(Kind.REFUSED, series.kind());
    }

    @Test
    void anUploadNoLongerStoredIsRefusedForGood() {
        HistoryFailureException gone =
                failure(
                        window(
                                "AAPL",
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                "2024-03-01T00:00:00Z",
                                "2024-03-02T00:00:00Z",
                                8L));
        assertEquals(Kind.REFUSED, gone.kind());
        assertFalse(gone.kind().isTransient());
        assertEquals(
                "No uploaded CSV file 8 is stored; it may have been cleaned up. Upload the file"
                        + " again",
                gone.getMessage());
        HistoryFailureException none =
                failure(
                        window(
                                "AAPL",
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                "2024-03-01T00:00:00Z",
                                "2024-03-02T00:00:00Z",
                                null));
        assertEquals(Kind.REFUSED, none.kind());
    }

    @Test
    void itServesTradesOfAnySizeAHundredYearsAWindowTwoFilesAtOnce() {
        assertEquals(HistorySourceName.CSV, csv.name());
        for (BarSize size : BarSize.values()) {
            assertEquals(Duration.ofDays(36_525), csv.longestWindow(size).orElseThrow());
        }
        assertTrue(csv.serves(WhatToShow.TRADES));
        assertFalse(csv.serves(WhatToShow.MIDPOINT));
        assertEquals(2, csv.parallelism());
    }
}
