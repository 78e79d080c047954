package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.SkippedBar;

/** Reading uploaded CSV files of bars: the layout, times in a zone, and every bad line named. */
class CsvBarsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Bar bar(
            String start, String open, String high, String low, String close, String volume) {
        return new Bar(
                Instant.parse(start),
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                new BigDecimal(close),
                new BigDecimal(volume),
                null,
                null);
    }

    private static List<Instant> starts(CsvBars.Parsed parsed) {
        return parsed.bars().stream().map(Bar::start).toList();
    }

    @Test
    void dailyBarsStartAtMidnightUtcOfTheirDateAndAdjCloseIsNotUsed() {
        String file =
                "\uFEFFDate,Open,High,Low,Close,Adj Close,Volume\r\n"
                        + "2024-03-01,179.55,180.53,177.38,179.66,178.87,73488000\r\n"
                        + "\r\n"
                        + "2024-02-29,\"181.27\",182.57,179.53,180.75,179.95,136682600\r\n";
        CsvBars.Parsed parsed = CsvBars.parse(file, BarSize.DAY_1, NEW_YORK);
        assertEquals(
                List.of(
                        bar(
                                "2024-02-29T00:00:00Z",
                                "181.27",
                                "182.57",
                                "179.53",
                                "180.75",
                                "136682600"),
                        bar(
                                "2024-03-01T00:00:00Z",
                                "179.55",
                                "180.53",
                                "177.38",
                                "179.66",
                                "73488000")),
                parsed.bars(),
                "in time order, whatever the file's");
        assertEquals(List.of(), parsed.skipped());
        assertEquals(2, parsed.lines());
    }

    @Test
    void theHeaderIsTakenInAnyCaseWithoutAdjClose() {
        CsvBars.Parsed parsed =
                CsvBars.parse(
                        "date,OPEN,High,low,Close,volume\n2024-03-01,1,2,0.5,1.5,100\n",
                        BarSize.DAY_1,
                        ZoneOffset.UTC);
        assertEquals(
                List.of(bar("2024-03-01T00:00:00Z", "1", "2", "0.5", "1.5", "100")), parsed.bars());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Time,Open,High,Low,Close,Volume",
                "Date,Open,High,Low,Close",
                "Date;Open;High;Low;Close;Volume",
                "2024-03-01,1,2,0.5,1.5,100"
            })
    void anyOtherHeaderFailsTheFileNamingIt(String header) {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                CsvBars.parse(
                                        header + "\n2024-03-01,1,2,0.5,1.5,100\n",
                                        BarSize.DAY_1,
                                        NEW_YORK));
        assertEquals(
                "The header must be Date,Open,High,Low,Close[,Adj Close],Volume (in any case), not"
                        + " '"
                        + header
                        + "'",
                e.getMessage());
    }

    @Test
    void aFileWithoutAnyLineHasNoHeader() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> CsvBars.parse("\n \r\n", BarSize.DAY_1, NEW_YORK));
        assertEquals(
                "The file has no header; its first line must be Date,Open,High,Low,Close[,Adj"
                        + " Close],Volume",
                e.getMessage());
    }

    @Test
    void intradayTimesAreWallClockTimesOfTheUploadsZoneUnlessTheyCarryAnOffset() {
        String file =
                """
                Date,Open,High,Low,Close,Volume
                2024-03-01 09:30,1,1,1,1,1
                2024-03-01T09:31:00,1,1,1,1,1
                2024-03-01T14:32:00Z,1,1,1,1,1
                2024-03-01 09:33:00-05:00,1,1,1,1,1
                2024-03-01T09:34:00-0500,1,1,1,1,1
                2024-03-01 09:35:00.000,1,1,1,1,1
                """;
        CsvBars.Parsed parsed = CsvBars.parse(file, BarSize.MIN_1, NEW_YORK);
        assertEquals(List.of(), parsed.skipped());
        assertEquals(
                List.of(
                        Instant.parse("2024-03-01T14:30:00Z"),
                        Instant.parse("2024-03-01T14:31:00Z"),
                        Instant.parse("2024-03-01T14:32:00Z"),
                        Instant.parse("2024-03-01T14:33:00Z"),
                        Instant.parse("2024-03-01T14:34:00Z"),
                        Instant.parse("2024-03-01T14:35:00Z")),
                starts(parsed),
                "New York is five hours behind UTC in March before daylight saving");
    }

    @Test
    void aDailyBarWithATimeKeepsItsDate() {
        CsvBars.Parsed parsed =
                CsvBars.parse(
                        "Date,Open,High,Low,Close,Volume\n"
                                + "2024-03-01 16:00,1,1,1,1,1\n"
                                + "2024-03-04T00:00:00+09:00,1,1,1,1,1\n",
                        BarSize.DAY_1,
                        NEW_YORK);
        assertEquals(
                List.of(
                        Instant.parse("2024-03-01T00:00:00Z"),
                        Instant.parse("2024-03-04T00:00:00Z")),
                starts(parsed));
    }

    @Test
    void theHourGainedInAutumnIsReadTwiceInOrder() {
        // On 3 November 2024 New York's clocks went from 01:59 EDT (-4) back to 01:00 EST (-5)
        String file =
                """
                Date,Open,High,Low,Close,Volume
                2024-11-03 01:30,1,1,1,1,1
                2024-11-03 01:30,2,2,2,2,2
                2024-11-03 01:30,3,3,3,3,3
                """;
        CsvBars.Parsed parsed = CsvBars.parse(file, BarSize.MIN_30, NEW_YORK);
        assertEquals(
                List.of(
                        Instant.parse("2024-11-03T05:30:00Z"),
                        Instant.parse("2024-11-03T06:30:00Z")),
                starts(parsed));
        assertEquals(
                List.of(
                        new SkippedBar(
                                "line 4", "repeats the bar at 2024-11-03T06:30:00Z of line 3")),
                parsed.skipped());
    }

    @Test
    void everyBadLineIsSkippedWithItsNumberAndReasonAndTheRestKept() {
        String file =
                """
                Date,Open,High,Low,Close,Adj Close,Volume
                2024-03-01 09:30,179.55,180.53,177.38,179.66,178.87,73488000
                2024-03-01 09:31,179.55,180.53,177.38,179.66,73488000
                2024-03-01 09:32,179.55,abc,177.38,179.66,178.87,73488000
                2024-03-01 09:33,null,180.53,177.38,179.66,178.87,73488000
                2024-03-01 09:34,179.55,180.53,177.38,179.66,178.87,

                01/03/2024 09:35,179.55,180.53,177.38,179.66,178.87,73488000
                2024-03-01 09:36,181.00,180.53,177.38,179.66,178.87,73488000
                2024-03-01 09:30,179.55,180.53,177.38,179.66,178.87,73488000
                2024-03-01,179.55,180.53,177.38,179.66,178.87,73488000
                2024-03-01 09:37,"179.55,180.53,177.38,179.66,178.87,73488000
                2024-03-01 09:38,179.55,180.53,177.38,179.66,178.87,-5
                2024-03-01 09:39,1234567890123,1234567890123,177.38,179.66,178.87,1
                2024-03-10 02:30,179.55,180.53,177.38,179.66,178.87,73488000
                2024-02-30 09:40,179.55,180.53,177.38,179.66,178.87,73488000
                2024-03-01 09:41,179.55,180.53,177.38,179.66,178.87,73488000
                """;
        CsvBars.Parsed parsed = CsvBars.parse(file, BarSize.MIN_1, NEW_YORK);
        assertEquals(
                List.of(
                        new SkippedBar("line 3", "has 6 values where the header has 7"),
                        new SkippedBar("line 4", "high 'abc' is not a number"),
                        new SkippedBar("line 5", "has no open"),
                        new SkippedBar("line 6", "has no volume"),
                        new SkippedBar(
                                "line 8",
                                "date '01/03/2024 09:35' is not yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss]"
                                        + " or yyyy-MM-ddTHH:mm[:ss], with or without an offset"),
                        new SkippedBar(
                                "line 9",
                                "Bar at 2024-03-01T14:36:00Z: open 181.00 is above high 180.53"),
                        new SkippedBar(
                                "line 10", "repeats the bar at 2024-03-01T14:30:00Z of line 2"),
                        new SkippedBar(
                                "line 11",
                                "date 2024-03-01 has no time of day, which a 1m bar needs"),
                        new SkippedBar("line 12", "has a quote that is never closed"),
                        new SkippedBar(
                                "line 13", "Bar at 2024-03-01T14:38:00Z: volume -5 is negative"),
                        new SkippedBar(
                                "line 14",
                                "open 1234567890123 is too large to store (at most 11 digits before"
                                        + " the point)"),
                        new SkippedBar(
                                "line 15",
                                "2024-03-10T02:30 does not exist in America/New_York: the clocks"
                                        + " skip it when daylight saving time starts"),
                        new SkippedBar(
                                "line 16",
                                "date '2024-02-30 09:40' cannot be: Invalid date 'FEBRUARY 30'")),
                parsed.skipped());
        assertEquals(
                List.of(
                        Instant.parse("2024-03-01T14:30:00Z"),
                        Instant.parse("2024-03-01T14:41:00Z")),
                starts(parsed));
        assertEquals(15, parsed.lines(), "every line but the header and the blank one");
    }

    @Test
    void withinAWindowAreTheBarsStartingInsideItAndEveryBadLine() {
        String file =
                """
                Date,Open,High,Low,Close,Volume
                2024-02-29,1,1,1,1,1
                2024-03-01,1,1,1,1,1
                2024-03-02,x,1,1,1,1
                2024-03-04,1,1,1,1,1
                """;
        CsvBars.Parsed parsed = CsvBars.parse(file, BarSize.DAY_1, ZoneOffset.UTC);
        var window =
                parsed.within(
                        Instant.parse("2024-03-01T00:00:00Z"),
                        Instant.parse("2024-03-04T00:00:00Z"));
        assertEquals(
                List.of(Instant.parse("2024-03-01T00:00:00Z")),
                window.bars().stream().map(Bar::start).toList());
        assertEquals(
                List.of(new SkippedBar("line 4", "open 'x' is not a number")), window.skipped());
    }

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() {
        assertEquals(
                List.of("a,b", "say \"hi\"", "", "c"),
                CsvBars.fields("\"a,b\", \"say \"\"hi\"\"\",,c"));
    }

    @Test
    void theTextIsUtf8WithoutItsByteOrderMark() {
        byte[] withBom = "\uFEFFDate".getBytes(StandardCharsets.UTF_8);
        assertEquals("Date", CsvBars.text(withBom));
        byte[] latin1 = "Date,Café".getBytes(StandardCharsets.ISO_8859_1);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CsvBars.text(latin1));
        assertEquals(
                "The file is not UTF-8 text: byte 9 is not valid UTF-8; save it as UTF-8 (CSV"
                        + " UTF-8)",
                e.getMessage());
    }
}
