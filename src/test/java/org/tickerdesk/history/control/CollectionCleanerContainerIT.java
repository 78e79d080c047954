package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.history.control.CollectionContainerFixture.awaitEnd;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * The daily cleanup forgets a collection that ended longer ago than the retention, and the batch
 * runtime's record of its execution, but keeps every bar it collected and every recent collection.
 */
@ExtendWith(ArquillianExtension.class)
class CollectionCleanerContainerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject CollectionJobs jobs;

    @Inject CollectionCleaner cleaner;

    @Inject InstrumentCatalog catalog;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void anOldCollectionAndItsExecutionsGoTheBarsAndRecentOnesStay() throws Exception {
        if (catalog.find("CLN").isEmpty()) {
            catalog.watch(Contract.stock("CLN", "SMART"), "cleanup test");
        }
        JobSnapshot old = awaitEnd(WAIT, jobs, jobs.start(request(), "t").id());
        JobSnapshot recent = awaitEnd(WAIT, jobs, jobs.start(request(), "t").id());
        long execution = jobs.detail(old.id()).orElseThrow().executions().get(0).executionId();
        long bars =
                number(
                        "SELECT count(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id"
                                + " WHERE i.symbol = 'CLN'");
        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        update(
                "UPDATE collection_jobs SET ended_at = ?, created_at = ? WHERE id = " + old.id(),
                longAgo);
        update(
                "UPDATE jbatchexecutioninstancedata SET updatetime = ?, endtime = ?, createtime = ?"
                        + " WHERE jobinstanceid = (SELECT jobinstanceid FROM"
                        + " jbatchexecutioninstancedata WHERE jobexecid = "
                        + execution
                        + ")",
                longAgo);

        cleaner.clean();

        assertTrue(jobs.find(old.id()).isEmpty(), "the old collection is forgotten");
        assertTrue(jobs.find(recent.id()).isPresent(), "a recent one stays");
        assertEquals(
                0,
                number(
                        "SELECT count(*) FROM jbatchexecutioninstancedata WHERE jobexecid = "
                                + execution));
        assertEquals(
                0, number("SELECT count(*) FROM collection_partitions WHERE job_id = " + old.id()));
        assertEquals(
                bars,
                number(
                        "SELECT count(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id"
                                + " WHERE i.symbol = 'CLN'"),
                "no bar is deleted");
        assertEquals(1, jobs.detail(recent.id()).orElseThrow().executions().size());
    }

    private static CollectionRequest request() {
        return new CollectionRequest(
                HistorySourceName.SIMULATED,
                List.of("CLN"),
                BarSize.HOUR_1,
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-02-01T00:00:00Z"),
                false,
                false,
                WhatToShow.TRADES,
                false,
                null);
    }

    private void update(String sql, Instant at) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            int count = s.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= count; i++) {
                s.setTimestamp(i, java.sql.Timestamp.from(at));
            }
            s.executeUpdate();
        }
    }

    private long number(String sql) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
