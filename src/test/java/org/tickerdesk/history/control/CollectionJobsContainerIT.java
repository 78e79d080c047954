package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.history.control.CollectionContainerFixture.awaitBars;
import static org.tickerdesk.history.control.CollectionContainerFixture.awaitEnd;
import static org.tickerdesk.history.control.CollectionContainerFixture.minuteBars;
import static org.tickerdesk.history.control.CollectionContainerFixture.watched;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.JobDetail;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.history.entity.PartitionProgress;
import org.tickerdesk.history.entity.StepMetrics;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * A simulated collection run by the batch runtime, as a user would start it: it completes, writes
 * exactly the bars of its range for each instrument (the simulated market never closes: one bar a
 * minute), once each, and run again changes nothing; stopped, it can be restarted and ends with the
 * same bars as an uninterrupted run.
 */
@ExtendWith(ArquillianExtension.class)
class CollectionJobsContainerIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private static final Instant FROM = Instant.parse("2024-03-04T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-07T00:00:00Z");
    private static final long MINUTES = Duration.between(FROM, TO).toMinutes();

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject CollectionJobs jobs;

    @Inject InstrumentCatalog catalog;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void aCollectionWritesEveryBarOfItsRangeOnceForEachInstrument() throws Exception {
        List<String> symbols = List.of(watched(catalog, "CJA"), watched(catalog, "CJB"));
        JobSnapshot started = jobs.start(minuteBars(symbols, FROM, TO), "container-test");

        JobSnapshot done = awaitEnd(WAIT, jobs, started.id());

        assertEquals(JobStatus.COMPLETED, done.status(), () -> "ended " + done);
        assertEquals(2 * MINUTES, done.barsWritten());
        assertEquals(0, done.barsSkipped());
        assertEquals(done.windowsTotal(), done.windowsDone());
        for (String symbol : symbols) {
            assertEquals(MINUTES, count(symbol, FROM, TO));
            assertEquals(MINUTES, distinctStarts(symbol));
            assertEquals(FROM, first(symbol));
            assertEquals(TO.minusSeconds(60), last(symbol));
        }
        JobDetail detail = jobs.detail(done.id()).orElseThrow();
        assertEquals(1, detail.executions().size());
        StepMetrics all = detail.executions().get(0).steps().get(0);
        assertEquals(done.windowsDone(), all.read());
        assertEquals(done.windowsDone(), all.write());
        for (PartitionProgress p : done.partitions()) {
            assertEquals(JobStatus.COMPLETED, p.status());
            assertEquals(MINUTES, p.barsWritten());
        }
    }

    @Test
    void theSameCollectionAgainChangesNoBar() throws Exception {
        String symbol = watched(catalog, "CJC");
        JobSnapshot first =
                awaitEnd(WAIT, jobs, jobs.start(minuteBars(List.of(symbol), FROM, TO), "t").id());
        String before = fingerprint(symbol, FROM, TO);

        JobSnapshot again =
                awaitEnd(WAIT, jobs, jobs.start(minuteBars(List.of(symbol), FROM, TO), "t").id());

        assertEquals(JobStatus.COMPLETED, first.status());
        assertEquals(JobStatus.COMPLETED, again.status());
        assertEquals(MINUTES, count(symbol, FROM, TO));
        assertEquals(before, fingerprint(symbol, FROM, TO));
    }

    @Test
    void anIncrementalCollectionStartsAfterTheLastStoredBar() throws Exception {
        String symbol = watched(catalog, "CJD");
        awaitEnd(WAIT, jobs, jobs.start(minuteBars(List.of(symbol), FROM, TO), "t").id());
        Instant later = TO.plus(Duration.ofDays(1));

        JobSnapshot incremental =
                awaitEnd(
                        WAIT,
                        jobs,
                        jobs.start(
                                        new CollectionRequest(
                                                HistorySourceName.SIMULATED,
                                                List.of(symbol),
                                                BarSize.MIN_1,
                                                null,
                                                later,
                                                true,
                                                false,
                                                WhatToShow.TRADES,
                                                false,
                                                null),
                                        "t")
                                .id());

        assertEquals(JobStatus.COMPLETED, incremental.status());
        assertEquals(Duration.ofDays(1).toMinutes(), incremental.barsWritten());
        assertEquals(MINUTES + Duration.ofDays(1).toMinutes(), distinctStarts(symbol));
    }

    @Test
    void aStoppedCollectionRestartsWhereItStoppedAndEndsWithTheSameBars() throws Exception {
        String symbol = watched(catalog, "CJE");
        Instant to = FROM.plus(Duration.ofDays(60));
        awaitEnd(WAIT, jobs, jobs.start(minuteBars(List.of(symbol), FROM, to), "t").id());
        String uninterrupted = fingerprint(symbol, FROM, to);
        deleteBars(symbol);

        JobSnapshot running = jobs.start(minuteBars(List.of(symbol), FROM, to), "t");
        awaitBars(jobs, running.id(), 1);
        jobs.stop(running.id());
        JobSnapshot stopped = awaitEnd(WAIT, jobs, running.id());
        assertEquals(JobStatus.STOPPED, stopped.status());
        assertTrue(stopped.windowsDone() < stopped.windowsTotal(), () -> "stopped " + stopped);
        assertTrue(count(symbol, FROM, to) < Duration.between(FROM, to).toMinutes());

        jobs.restart(running.id());
        JobSnapshot done = awaitEnd(WAIT, jobs, running.id());

        assertEquals(JobStatus.COMPLETED, done.status());
        assertEquals(2, jobs.detail(done.id()).orElseThrow().executions().size());
        assertEquals(Duration.between(FROM, to).toMinutes(), count(symbol, FROM, to));
        assertEquals(uninterrupted, fingerprint(symbol, FROM, to));
        assertNull(done.lastError());
    }

    @Test
    void fillingGapsCollectsOnlyTheMissingStretchWithinTheSessions() throws Exception {
        String symbol = watched(catalog, "CJG");
        awaitEnd(WAIT, jobs, jobs.start(minuteBars(List.of(symbol), FROM, TO), "t").id());
        Instant holeFrom = Instant.parse("2024-03-05T15:00:00Z");
        Instant holeTo = Instant.parse("2024-03-05T16:00:00Z");
        deleteBars(symbol, holeFrom, holeTo);
        assertEquals(MINUTES - 60, count(symbol, FROM, TO));

        JobSnapshot filled =
                awaitEnd(
                        WAIT,
                        jobs,
                        jobs.start(
                                        new CollectionRequest(
                                                HistorySourceName.SIMULATED,
                                                List.of(symbol),
                                                BarSize.MIN_1,
                                                FROM,
                                                TO,
                                                false,
                                                true,
                                                WhatToShow.TRADES,
                                                false,
                                                null),
                                        "t")
                                .id());

        assertEquals(JobStatus.COMPLETED, filled.status(), () -> "ended " + filled);
        assertEquals(60, filled.barsWritten(), "only the hole is collected");
        assertEquals(1, filled.windowsTotal());
        assertEquals(MINUTES, count(symbol, FROM, TO));
    }

    private void deleteBars(String symbol) throws SQLException {
        deleteBars(symbol, Instant.EPOCH, Instant.parse("2999-01-01T00:00:00Z"));
    }

    private void deleteBars(String symbol, Instant from, Instant to) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "DELETE FROM bars WHERE instrument_id = (SELECT id FROM"
                                        + " instruments WHERE symbol = ?) AND start_time >= ? AND"
                                        + " start_time < ?")) {
            s.setString(1, symbol);
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            s.executeUpdate();
        }
    }

    private long count(String symbol, Instant from, Instant to) throws SQLException {
        return number(
                "SELECT count(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id"
                        + " WHERE i.symbol = ? AND b.bar_size = '1m' AND b.start_time >= ?"
                        + " AND b.start_time < ?",
                symbol,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    private long distinctStarts(String symbol) throws SQLException {
        return number(
                "SELECT count(DISTINCT b.start_time) FROM bars b JOIN instruments i ON i.id ="
                        + " b.instrument_id WHERE i.symbol = ? AND b.bar_size = '1m'",
                symbol);
    }

    private Instant first(String symbol) throws SQLException {
        return instant("min", symbol);
    }

    private Instant last(String symbol) throws SQLException {
        return instant("max", symbol);
    }

    /** Every stored bar's start and prices, hashed, to compare two series bar for bar. */
    /**
     * The collected range's bars only: the watched symbol's live minutes are recorded as bars too,
     * and one closing between two fingerprints of the whole symbol told them apart (a CI run).
     */
    private String fingerprint(String symbol, Instant from, Instant to) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT md5(string_agg(b.start_time::text || b.open || b.high ||"
                                        + " b.low || b.close || COALESCE(b.volume::text, ''), ','"
                                        + " ORDER BY b.start_time)) FROM bars b JOIN instruments i"
                                        + " ON i.id = b.instrument_id WHERE i.symbol = ? AND"
                                        + " b.bar_size = '1m' AND b.start_time >= ? AND"
                                        + " b.start_time < ?")) {
            s.setString(1, symbol);
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private Instant instant(String aggregate, String symbol) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT "
                                        + aggregate
                                        + "(b.start_time) FROM bars b JOIN instruments i ON i.id ="
                                        + " b.instrument_id WHERE i.symbol = ? AND b.bar_size ="
                                        + " '1m'")) {
            s.setString(1, symbol);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getTimestamp(1).toInstant();
            }
        }
    }

    private long number(String sql, Object... parameters) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
