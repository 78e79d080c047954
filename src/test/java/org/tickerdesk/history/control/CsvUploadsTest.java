package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.platform.entity.FieldError;

/** What an upload must be before it is stored, each fault named with its field. */
class CsvUploadsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final byte[] GOOD =
            "Date,Open,High,Low,Close,Volume\n2024-03-01,1,2,0.5,1.5,100\n2024-03-04,x,2,0.5,1.5,100\n"
                    .getBytes(StandardCharsets.UTF_8);

    private static List<FieldError> refused(
            String fileName,
            String symbol,
            BarSize size,
            ZoneId zone,
            byte[] content,
            String by,
            long max) {
        HistoryFailureException e =
                assertThrows(
                        HistoryFailureException.class,
                        () -> CsvUploads.check(fileName, symbol, size, zone, content, by, max));
        assertEquals(Kind.INVALID_REQUEST, e.kind());
        return e.errors();
    }

    private static List<FieldError> refused(byte[] content, long max) {
        return refused("bars.csv", "AAPL", BarSize.DAY_1, NEW_YORK, content, "admin", max);
    }

    @Test
    void aGoodFileIsParsedOnceToKnowItsLines() {
        CsvUploads.Checked checked =
                CsvUploads.check(
                        "bars.csv", "AAPL", BarSize.DAY_1, NEW_YORK, GOOD, " admin ", 1000);
        assertEquals("bars.csv", checked.fileName());
        assertEquals("admin", checked.uploadedBy());
        assertEquals(2, checked.parsed().lines(), "the bad line counts as a line");
        assertEquals(1, checked.parsed().bars().size());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals(
                List.of(new FieldError("file", "The file is empty")), refused(new byte[0], 1000));
        assertEquals(List.of(new FieldError("file", "The file is empty")), refused(null, 1000));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithBothNumbers() {
        assertEquals(
                List.of(
                        new FieldError(
                                "file",
                                "The file has 86 bytes; at most 85 may be uploaded"
                                        + " (tickerdesk.history.csv.max-bytes)")),
                refused(GOOD, GOOD.length - 1));
        assertEquals(32 + 27 + 27, GOOD.length, "a header of 32 bytes and two lines of 27");
        assertEquals(
                "The file has 52,428,801 bytes; at most 52,428,800 may be uploaded"
                        + " (tickerdesk.history.csv.max-bytes)",
                refused(new byte[52_428_801], 52_428_800).get(0).message());
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        byte[] latin1 =
                "Date,Open,High,Low,Close,Volume\n2024-03-01,Caf\u00e9"
                        .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(
                List.of(
                        new FieldError(
                                "file",
                                "The file is not UTF-8 text: byte 47 is not valid UTF-8; save it as"
                                        + " UTF-8 (CSV UTF-8)")),
                refused(latin1, 1000));
    }

    @Test
    void aFileWithAnotherHeaderOrNoLinesIsRefused() {
        assertEquals(
                List.of(
                        new FieldError(
                                "file",
                                "The header must be Date,Open,High,Low,Close[,Adj Close],Volume (in"
                                        + " any case), not 'Time,Price'")),
                refused("Time,Price\n1,2\n".getBytes(StandardCharsets.UTF_8), 1000));
        assertEquals(
                List.of(new FieldError("file", "The file has its header but no lines of bars")),
                refused(
                        "Date,Open,High,Low,Close,Volume\n\n".getBytes(StandardCharsets.UTF_8),
                        1000));
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        List<FieldError> errors = refused(" ", "aapl", null, null, GOOD, "", 1000);
        assertEquals(
                List.of("fileName", "symbol", "barSize", "timeZone", "uploadedBy"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void aFileKeepsItsNameWithoutTheFoldersABrowserSends() {
        assertEquals("bars.csv", CsvUploads.fileName("C:\\fakepath\\bars.csv"));
        assertEquals("bars.csv", CsvUploads.fileName("/home/me/bars.csv"));
        assertEquals("bars.csv", CsvUploads.fileName("bars\n.csv"));
        assertEquals(255, CsvUploads.fileName("b".repeat(300)).length());
    }
}
