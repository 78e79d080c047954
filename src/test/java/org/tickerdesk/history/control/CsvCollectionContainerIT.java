package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.history.control.CollectionContainerFixture.awaitEnd;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.history.entity.JobDetail;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * An uploaded CSV file of intraday bars collected by the batch runtime: its good lines are stored
 * at the instants their local times name in the file's zone, each bad line is skipped and reported
 * with its number and reason, and a file with no bar at all is refused before anything starts.
 */
@ExtendWith(ArquillianExtension.class)
class CsvCollectionContainerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject CsvCollections csv;

    @Inject CollectionJobs jobs;

    @Inject InstrumentCatalog catalog;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void goodLinesAreStoredAndEachBadLineIsReportedByNumber() throws Exception {
        watch("CSVA");
        String file =
                "Date,Open,High,Low,Close,Volume\n"
                        + "2024-03-04 09:30,100.0,101.0,99.5,100.5,1200\n"
                        + "2024-03-04 09:31,100.5,100.9,100.1,100.2,800\n"
                        + "2024-03-04 09:32,100.2,oops,100.0,100.1,500\n"
                        + "2024-03-04 09:33,100.1,100.4,100.0,100.3\n"
                        + "2024-03-04 09:34,100.3,100.6,100.2,100.6,900\n"
                        + "2024-03-04 09:35,100.6,100.2,100.5,100.4,700\n";

        JobSnapshot started =
                csv.start(
                        "csva.csv",
                        "CSVA",
                        "1m",
                        "America/New_York",
                        file.getBytes(StandardCharsets.UTF_8),
                        "t");
        JobSnapshot done = awaitEnd(WAIT, jobs, started.id());

        assertEquals(JobStatus.COMPLETED, done.status(), () -> "ended " + done);
        assertEquals(3, done.barsWritten());
        assertEquals(
                3,
                done.barsSkipped(),
                () -> jobs.detail(done.id()).orElseThrow().skipped().toString());
        assertEquals(3, count("CSVA"));
        assertEquals(
                "2024-03-04 14:30:00+00",
                text(
                        "SELECT min(b.start_time) AT TIME ZONE 'UTC' || '+00' FROM bars b JOIN"
                                + " instruments i ON i.id = b.instrument_id WHERE i.symbol ="
                                + " 'CSVA'"),
                "09:30 in New York in March before the clocks change is 14:30 UTC");
        JobDetail detail = jobs.detail(done.id()).orElseThrow();
        String skipped = detail.skipped().toString();
        assertTrue(skipped.contains("line 4"), skipped);
        assertTrue(skipped.contains("line 5"), skipped);
        assertTrue(skipped.contains("line 7"), skipped);
    }

    @Test
    void aFileWithoutASingleBarIsRefusedAndNothingStarts() {
        watch("CSVB");
        int before = jobs.list(org.tickerdesk.history.entity.JobFilter.all()).size();

        HistoryFailureException refused =
                assertThrows(
                        HistoryFailureException.class,
                        () ->
                                csv.start(
                                        "bad.csv",
                                        "CSVB",
                                        "1d",
                                        "",
                                        "Date,Open,High,Low,Close,Volume\n2024-01-02,x,1,1,1,1\n"
                                                .getBytes(StandardCharsets.UTF_8),
                                        "t"));

        assertEquals("file", refused.errors().get(0).field());
        assertEquals(before, jobs.list(org.tickerdesk.history.entity.JobFilter.all()).size());
    }

    private void watch(String symbol) {
        if (catalog.find(symbol).isEmpty()) {
            catalog.watch(Contract.stock(symbol, "SMART"), "csv test");
        }
    }

    private long count(String symbol) throws SQLException {
        return Long.parseLong(
                text(
                        "SELECT count(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id"
                                + " WHERE i.symbol = '"
                                + symbol
                                + "'"));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }
}
