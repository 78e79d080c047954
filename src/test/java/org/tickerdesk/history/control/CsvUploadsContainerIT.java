package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CsvUpload;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * Uploaded CSV files in PostgreSQL ({@link CsvUploadsTest} checks what is refused): stored whole,
 * described without their content, read back by the CSV source, deleted when old; and each built-in
 * history source found by its name.
 */
@ExtendWith(ArquillianExtension.class)
class CsvUploadsContainerIT {

    private static final byte[] FILE =
            ("Date,Open,High,Low,Close,Adj Close,Volume\n"
                            + "2024-03-01,179.55,180.53,177.38,179.66,178.87,73488000\n"
                            + "2024-02-29,181.27,182.57,179.53,180.75,179.95,136682600\n"
                            + "2024-03-04,x,1,1,1,1,1\n")
                    .getBytes(StandardCharsets.UTF_8);

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject CsvUploads uploads;

    @Inject HistorySources sources;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    private CsvUpload store(String symbol) {
        return uploads.store(
                "C:\\fakepath\\bars.csv",
                symbol,
                BarSize.DAY_1,
                ZoneId.of("America/New_York"),
                FILE,
                "admin");
    }

    @Test
    void aStoredFileIsDescribedAndReadBackWhole() throws SQLException {
        CsvUpload stored = store("CIT-CSV");
        assertEquals(
                new CsvUpload(
                        stored.id(),
                        "bars.csv",
                        "CIT-CSV",
                        BarSize.DAY_1,
                        ZoneId.of("America/New_York"),
                        3,
                        Instant.parse("2024-02-29T00:00:00Z"),
                        Instant.parse("2024-03-01T00:00:00Z")),
                stored);
        assertEquals(stored, uploads.find(stored.id()).orElseThrow());
        assertArrayEquals(FILE, uploads.content(stored.id()));
        assertEquals(List.of("admin", String.valueOf(FILE.length)), row(stored.id()));
    }

    @Test
    void aRefusedFileStoresNothing() throws SQLException {
        long before = count();
        HistoryFailureException e =
                assertThrows(
                        HistoryFailureException.class,
                        () ->
                                uploads.store(
                                        "bars.csv",
                                        "CIT-CSV",
                                        BarSize.DAY_1,
                                        ZoneId.of("UTC"),
                                        "Time,Price\n".getBytes(StandardCharsets.UTF_8),
                                        "admin"));
        assertEquals(HistoryFailureException.Kind.INVALID_REQUEST, e.kind());
        assertEquals(before, count());
    }

    @Test
    void theCsvSourceReadsAStoredUpload() {
        CsvUpload stored = store("CIT-CSVSRC");
        HistorySource csv = sources.named(HistorySourceName.CSV);
        SourceBars answer =
                csv.bars(
                        new HistoryWindow(
                                Contract.stock("CIT-CSVSRC", "SMART"),
                                BarSize.DAY_1,
                                Instant.parse("2024-01-01T00:00:00Z"),
                                Instant.parse("2024-12-31T00:00:00Z"),
                                WhatToShow.TRADES,
                                true,
                                stored.id()),
                        Duration.ofSeconds(10));
        assertEquals(
                List.of(
                        Instant.parse("2024-02-29T00:00:00Z"),
                        Instant.parse("2024-03-01T00:00:00Z")),
                answer.bars().stream().map(Bar::start).toList());
        assertEquals(1, answer.skipped().size());
    }

    @Test
    void oldUploadsAreDeleted() {
        CsvUpload stored = store("CIT-CSVOLD");
        assertTrue(uploads.deleteOlderThan(Instant.now().plusSeconds(60)) >= 1);
        assertTrue(uploads.find(stored.id()).isEmpty());
        HistoryFailureException gone =
                assertThrows(HistoryFailureException.class, () -> uploads.content(stored.id()));
        assertEquals(HistoryFailureException.Kind.REFUSED, gone.kind());
    }

    @Test
    void everyBuiltInSourceIsFoundByItsName() {
        for (HistorySourceName name :
                List.of(
                        HistorySourceName.SIMULATED,
                        HistorySourceName.YAHOO,
                        HistorySourceName.CSV)) {
            assertEquals(name, sources.named(name).name());
            assertTrue(sources.named(name).parallelism() >= 1, name.wire());
        }
        assertEquals(
                4,
                sources.named(HistorySourceName.SIMULATED)
                        .bars(
                                new HistoryWindow(
                                        Contract.stock("CIT-SIM", "SMART"),
                                        BarSize.MIN_1,
                                        Instant.parse("2024-03-01T10:17:30Z"),
                                        Instant.parse("2024-03-01T10:22:00Z"),
                                        WhatToShow.TRADES,
                                        true,
                                        null),
                                Duration.ofSeconds(1))
                        .bars()
                        .size());
    }

    private long count() throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM csv_uploads");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private List<String> row(long id) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT uploaded_by, size, uploaded_at FROM csv_uploads WHERE id ="
                                        + " ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertTrue(r.getTimestamp(3) != null);
                return List.of(r.getString(1), String.valueOf(r.getLong(2)));
            }
        }
    }
}
