package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * Collections in a cluster, as the leader takes them over: one asked for on a follower waits for
 * the leader and runs when it dispatches; one whose member has been missing from the grid for a
 * while is restarted from its checkpoints and ends with the bars of an uninterrupted run; one a
 * live member runs is left alone, also under an earlier grid id of that member it has since written
 * over; of two members taking one over, one does; and an execution that was taken over can store
 * nothing and end nothing.
 */
@ExtendWith(ArquillianExtension.class)
class CollectionTakeoverContainerIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private static final Instant FROM = Instant.parse("2024-06-03T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-06-06T00:00:00Z");
    private static final long MINUTES = Duration.between(FROM, TO).toMinutes();

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject CollectionJobs jobs;

    @Inject CollectionStore store;

    @Inject InstrumentCatalog catalog;

    @Inject Leadership leadership;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void aCollectionAskedForOnAFollowerRunsWhenTheLeaderDispatches() throws Exception {
        String symbol = watched(catalog, "CTA");
        long id = store.create(minuteBars(List.of(symbol), FROM, TO), "follower", Instant.now());
        assertNull(store.job(id).orElseThrow().runBy(), "no member has it yet");

        jobs.dispatch(false);

        assertEquals(self(), store.job(id).orElseThrow().runBy());
        JobSnapshot done = awaitEnd(WAIT, jobs, id);
        assertEquals(JobStatus.COMPLETED, done.status(), () -> "ended " + done);
        assertEquals(MINUTES, count(symbol, FROM, TO));
    }

    @Test
    void aCollectionStoppedBeforeAnyMemberLaunchedItEndsStoppedWithoutRunning() throws Exception {
        String symbol = watched(catalog, "CTB");
        long id = store.create(minuteBars(List.of(symbol), FROM, TO), "follower", Instant.now());
        jobs.stop(id);

        jobs.dispatch(false);

        JobSnapshot ended = jobs.find(id).orElseThrow();
        assertEquals(JobStatus.STOPPED, ended.status());
        assertEquals(0, count(symbol, FROM, TO));
    }

    @Test
    void aCollectionWhoseMemberLeftIsRestartedFromItsCheckpointsWithEveryBarOnce()
            throws Exception {
        String symbol = watched(catalog, "CTC");
        Instant to = FROM.plus(Duration.ofDays(40));
        long id = interrupted(symbol, to, "a-member-that-left");
        long before = count(symbol, FROM, to);
        assertTrue(before < Duration.between(FROM, to).toMinutes(), "stopped midway");

        jobs.dispatch(true);
        assertEquals(
                "a-member-that-left",
                store.job(id).orElseThrow().runBy(),
                "not at the first sight: a live member may be writing its new grid id");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!self().equals(store.job(id).orElseThrow().runBy())) {
            assertTrue(System.nanoTime() < deadline, "not taken over");
            Thread.sleep(250);
            jobs.dispatch(true);
        }

        JobSnapshot done = awaitEnd(WAIT, jobs, id);
        assertEquals(JobStatus.COMPLETED, done.status(), () -> "ended " + done);
        assertEquals(2, store.executions(id).size());
        assertEquals(Duration.between(FROM, to).toMinutes(), count(symbol, FROM, to));
        assertEquals(Duration.between(FROM, to).toMinutes(), distinctStarts(symbol, FROM, to));
    }

    @Test
    void aCollectionALiveMemberRunsIsLeftToIt() throws Exception {
        String symbol = watched(catalog, "CTD");
        Instant to = FROM.plus(Duration.ofDays(40));
        long id = interrupted(symbol, to, self());
        try {
            long until = System.nanoTime() + CollectionJobs.CONFIRMED.plusSeconds(1).toNanos();
            while (System.nanoTime() < until) {
                jobs.dispatch(true);
                Thread.sleep(250);
            }

            assertEquals(JobStatus.STARTED, store.job(id).orElseThrow().status());
            assertEquals(self(), store.job(id).orElseThrow().runBy());
            assertEquals(1, store.executions(id).size(), "not launched again");
        } finally {
            store.ended(id, JobStatus.STOPPED, null, Instant.now());
        }
    }

    @Test
    void aCollectionLaunchedUnderAnEarlierGridIdOfThisMemberSaysItsCurrentOne() throws Exception {
        String symbol = watched(catalog, "CTG");
        Instant to = FROM.plus(Duration.ofDays(40));
        long id = interrupted(symbol, to, self());
        try {
            store.runBy(id, "this-members-id-before-a-merge", Instant.now());
            assertEquals(
                    1,
                    store.renamed(
                            List.of("this-members-id-before-a-merge"), self(), Instant.now()));

            assertEquals(self(), store.job(id).orElseThrow().runBy());
            assertEquals(JobStatus.STARTED, store.job(id).orElseThrow().status());
        } finally {
            store.ended(id, JobStatus.STOPPED, null, Instant.now());
        }
    }

    @Test
    void ofTwoMembersTakingACollectionOverOneDoes() throws Exception {
        String symbol = watched(catalog, "CTE");
        Instant to = FROM.plus(Duration.ofDays(40));
        long id = interrupted(symbol, to, "the-dead-member");
        try {
            assertTrue(store.takeOver(id, "the-dead-member", "member-one", Instant.now()));
            assertFalse(store.takeOver(id, "the-dead-member", "member-two", Instant.now()));
            assertEquals("member-one", store.job(id).orElseThrow().runBy());
        } finally {
            store.ended(id, JobStatus.STOPPED, null, Instant.now());
        }
    }

    @Test
    void anExecutionThatWasTakenOverStoresNothingAndEndsNothing() throws Exception {
        String symbol = watched(catalog, "CTF");
        Instant to = FROM.plus(Duration.ofDays(40));
        long id = interrupted(symbol, to, self());
        try {
            long current = store.job(id).orElseThrow().executionId();
            long old = current - 1;
            long windows = windowsDone(id);

            assertThrows(
                    SupersededExecutionException.class,
                    () -> store.windowStored(id, old, 0, symbol, to, 1, List.of(), 0));
            store.partitionEnded(id, old, 0, JobStatus.FAILED, "late", 0, Instant.now());
            assertEquals(CollectionJobs.SUPERSEDED, jobs.executionEnded(id, old, "FAILED"));

            assertEquals(windows, windowsDone(id), "no window counted");
            assertEquals(JobStatus.STARTED, store.job(id).orElseThrow().status());
            assertNull(store.job(id).orElseThrow().lastError());
        } finally {
            store.ended(id, JobStatus.STOPPED, null, Instant.now());
        }
    }

    /**
     * A collection stopped midway whose row is then made to say what a member that died leaves:
     * still STARTED, run by {@code member}.
     */
    private long interrupted(String symbol, Instant to, String member) throws Exception {
        JobSnapshot running = jobs.start(minuteBars(List.of(symbol), FROM, to), "t");
        awaitBars(jobs, running.id(), 1);
        jobs.stop(running.id());
        JobSnapshot stopped = awaitEnd(WAIT, jobs, running.id());
        assertEquals(JobStatus.STOPPED, stopped.status());
        try (Connection c = database.getConnection();
                PreparedStatement s =
                        c.prepareStatement(
                                "UPDATE collection_jobs SET status = 'STARTED', ended_at = NULL,"
                                        + " run_by = ? WHERE id = ?")) {
            s.setString(1, member);
            s.setLong(2, running.id());
            s.executeUpdate();
        }
        return running.id();
    }

    private String self() {
        return leadership.view().local().map(ClusterMember::uuid).orElseThrow();
    }

    private long windowsDone(long id) throws SQLException {
        return number("SELECT sum(windows_done) FROM collection_partitions WHERE job_id = ?", id);
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

    private long distinctStarts(String symbol, Instant from, Instant to) throws SQLException {
        return number(
                "SELECT count(DISTINCT b.start_time) FROM bars b JOIN instruments i ON i.id ="
                        + " b.instrument_id WHERE i.symbol = ? AND b.bar_size = '1m' AND"
                        + " b.start_time >= ? AND b.start_time < ?",
                symbol,
                Timestamp.from(from),
                Timestamp.from(to));
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
