package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * The batch runtime's first start on each of two members sharing one database: while one member's
 * runtime creates its tables, the other's waits for it on the database's advisory lock.
 */
@ExtendWith(ArquillianExtension.class)
class BatchOperatorContainerIT {

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    private final ExecutorService members = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        members.shutdownNow();
    }

    @Test
    void whileOneMembersRuntimeStartsAnotherMembersWaitsForIt() throws Exception {
        JobOperator platform = BatchRuntime.getJobOperator();
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        BatchOperator first =
                new BatchOperator(
                        database,
                        () -> {
                            seen.add("first starts");
                            starting.countDown();
                            awaitQuietly(finish);
                            seen.add("first started");
                            return platform;
                        });
        BatchOperator second =
                new BatchOperator(
                        database,
                        () -> {
                            seen.add("second starts");
                            return platform;
                        });

        Future<JobOperator> atFirst = members.submit(first::get);
        assertTrue(starting.await(10, TimeUnit.SECONDS), "the first member's runtime starts");
        Future<JobOperator> atSecond = members.submit(second::get);
        awaitWaitingForTheLock();
        assertEquals(List.of("first starts"), seen);

        finish.countDown();
        assertSame(platform, atFirst.get(10, TimeUnit.SECONDS));
        assertSame(platform, atSecond.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("first starts", "first started", "second starts"), seen);
    }

    @Test
    void aRuntimeThatCouldNotStartFreesTheLockAndIsAskedAgainNextTime() throws Exception {
        JobOperator platform = BatchRuntime.getJobOperator();
        AtomicInteger asked = new AtomicInteger();
        BatchOperator operator =
                new BatchOperator(
                        database,
                        () -> {
                            if (asked.incrementAndGet() == 1) {
                                throw new ServiceConfigurationError("tables collided");
                            }
                            return platform;
                        });

        IllegalStateException refused = assertThrows(IllegalStateException.class, operator::get);
        assertEquals(
                "The batch runtime could not be started: tables collided", refused.getMessage());
        assertTrue(lockIsFree(), "the lock is not left held");

        assertSame(platform, operator.get());
        assertSame(platform, operator.get());
        assertEquals(2, asked.get(), "a started runtime is not asked again");
    }

    private void awaitWaitingForTheLock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waitingForTheLock() == 0) {
            assertTrue(System.nanoTime() < deadline, "no member waits for the lock");
            Thread.sleep(20);
        }
    }

    private long waitingForTheLock() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT"
                                    + " granted AND ((classid::bigint << 32) | objid::bigint) = "
                                        + BatchOperator.LOCK)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private boolean lockIsFree() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT pg_try_advisory_lock(" + BatchOperator.LOCK + ")")) {
            rows.next();
            boolean free = rows.getBoolean(1);
            if (free) {
                statement.execute("SELECT pg_advisory_unlock(" + BatchOperator.LOCK + ")");
            }
            return free;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
