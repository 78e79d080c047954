package org.tickerdesk.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tickerdesk.admin.entity.DashboardStatus;
import org.tickerdesk.platform.control.StatusContribution;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.platform.entity.StatusCard.Field;
import org.tickerdesk.trading.entity.BrokerStatus;

/**
 * The status board reads the server's status once per period, whatever the number of viewers, and
 * tells a changed snapshot from an unchanged one so only changes are pushed.
 */
class StatusBoardTest {

    private static final BrokerStatus PAPER = new BrokerStatus("paper", false, true, "simulated");

    /** Stands for the database card: every reading is a round trip, counted. */
    private final Counted database = new Counted(30, "database", "UP");

    @Test
    void theDatabaseIsAskedOncePerPeriodHoweverManyViewersThereAre() {
        StatusBoard board = board(database);

        for (int period = 1; period <= 3; period++) {
            board.refresh();
            for (int viewer = 0; viewer < 50; viewer++) {
                board.current();
            }
            assertEquals(period, database.readings.get(), "readings after period " + period);
        }
    }

    @Test
    void aViewerBeforeTheFirstPeriodReadsOnceForEveryone() {
        StatusBoard board = board(database);

        DashboardStatus first = board.current();
        for (int viewer = 0; viewer < 50; viewer++) {
            assertEquals(first, board.current());
        }

        assertEquals(1, database.readings.get());
    }

    @Test
    void onlyAChangedSnapshotIsReturnedForPushing() {
        StatusBoard board = board(database);

        Optional<DashboardStatus> first = board.refresh();
        assertTrue(first.isPresent(), "the first reading is news");
        assertEquals(Optional.empty(), board.refresh(), "nothing changed");

        database.text = "DOWN";
        Optional<DashboardStatus> changed = board.refresh();
        assertTrue(changed.isPresent(), "the database went down");
        assertEquals("DOWN", changed.get().cards().get(0).fields().get(0).text());
        assertEquals(changed.get(), board.current());
        assertEquals(Optional.empty(), board.refresh(), "still down, nothing new");
    }

    @Test
    void aChangedBrokerIsNewsToo() {
        StatusBoard board = board(database);
        board.refresh();

        board.broker = () -> new BrokerStatus("ibkr", true, false, "reconnecting");

        assertTrue(board.refresh().isPresent());
    }

    @Test
    void cardsStandInTheirContributionsRankOrder() {
        Counted ibkr = new Counted(50, "tws", "CONNECTED");
        Counted feed = new Counted(10, "source", "simulated");
        StatusBoard board = board(ibkr, database, feed);

        List<String> ids = board.current().cards().stream().map(StatusCard::id).toList();

        assertEquals(List.of("source", "database", "tws"), ids);
    }

    @Test
    void aFailingContributionKeepsItsLastCardsAndTheOthersGoOn() {
        Counted feed = new Counted(10, "source", "simulated");
        StatusBoard board = board(feed, database);
        board.refresh();

        database.failing = true;
        feed.text = "ibkr";
        Optional<DashboardStatus> changed = board.refresh();

        assertTrue(changed.isPresent());
        assertEquals("ibkr", changed.get().cards().get(0).fields().get(0).text());
        assertEquals("UP", changed.get().cards().get(1).fields().get(0).text());
    }

    @Test
    void aRefreshWhileTheLastOneStillReadsIsSkippedNotQueued() throws Exception {
        StatusBoard board = board(database);
        board.refresh();
        database.slow = new CountDownLatch(1);
        CompletableFuture<Optional<DashboardStatus>> slow =
                CompletableFuture.supplyAsync(board::refresh);
        database.reading.await(5, TimeUnit.SECONDS);

        Optional<DashboardStatus> overlapping = board.refresh();

        assertFalse(overlapping.isPresent());
        assertEquals(2, database.readings.get(), "the overlapping refresh read nothing");
        database.slow.countDown();
        slow.get(5, TimeUnit.SECONDS);
    }

    private static StatusBoard board(StatusContribution... contributions) {
        StatusBoard board = new StatusBoard();
        board.broker = () -> PAPER;
        board.contributions = List.of(contributions);
        board.start();
        return board;
    }

    /** A contribution with one card of one field, which counts how often it is read. */
    private static final class Counted implements StatusContribution {

        final AtomicInteger readings = new AtomicInteger();
        final CountDownLatch reading = new CountDownLatch(1);
        private final int rank;
        private final String id;
        volatile String text;
        volatile boolean failing;
        volatile CountDownLatch slow;

        Counted(int rank, String id, String text) {
            this.rank = rank;
            this.id = id;
            this.text = text;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public List<StatusCard> cards() {
            readings.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("connection refused");
            }
            if (slow != null) {
                reading.countDown();
                try {
                    slow.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of(StatusCard.of(id, id, Field.value(id, text)));
        }
    }
}
