package org.tickerdesk.tasks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.tasks.control.TaskStore.Claim;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * A slot of a task is claimed once in PostgreSQL, whichever members try and however many at once:
 * the others find it taken, which is counted on the task; a paused task's slots are not claimed;
 * slots long past are forgotten.
 */
@ExtendWith(ArquillianExtension.class)
class TaskSlotsContainerIT {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject TaskStore store;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void ofEightMembersClaimingOneSlotAtOnceOneHasItAndSevenFindItTaken() throws Exception {
        String name = "slot-claims-at-once";
        store.register(List.of(name));
        Instant slot = Instant.parse("2025-11-20T14:30:00Z");
        ExecutorService members = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String member = "member-" + i;
                claims.add(() -> store.claim(name, slot, member, INTERVAL));
            }
            List<Claim> outcomes = new ArrayList<>();
            for (Future<Claim> outcome : members.invokeAll(claims)) {
                outcomes.add(outcome.get());
            }
            assertEquals(
                    1, outcomes.stream().filter(c -> c == Claim.CLAIMED).count(), "" + outcomes);
            assertEquals(7, outcomes.stream().filter(c -> c == Claim.TAKEN).count(), "" + outcomes);
        } finally {
            members.shutdownNow();
        }
        assertEquals(7, store.find(name).orElseThrow().slotsTaken());
        assertEquals(1, number("SELECT count(*) FROM task_slots WHERE task_name = ?", name));
    }

    @Test
    void theNextSlotIsFreeAndAPausedTasksSlotIsNotClaimed() throws Exception {
        String name = "slot-claims-in-turn";
        store.register(List.of(name));
        Instant slot = Instant.parse("2025-11-20T14:30:00Z");

        assertEquals(Claim.CLAIMED, store.claim(name, slot, "a", INTERVAL));
        assertEquals(Claim.TAKEN, store.claim(name, slot, "b", INTERVAL));
        assertEquals(Claim.CLAIMED, store.claim(name, slot.plus(INTERVAL), "b", INTERVAL));
        store.enabled(name, false);
        assertEquals(
                Claim.PAUSED,
                store.claim(name, slot.plus(INTERVAL.multipliedBy(2)), "b", INTERVAL));

        assertEquals(1, store.find(name).orElseThrow().slotsTaken(), "a paused slot is not taken");
    }

    @Test
    void slotsAHundredIntervalsOldAreForgottenWhenANewOneIsClaimed() throws Exception {
        String name = "slot-claims-forgotten";
        store.register(List.of(name));
        Instant first = Instant.parse("2025-11-20T14:30:00Z");
        store.claim(name, first, "a", INTERVAL);
        store.claim(name, first.plus(INTERVAL), "a", INTERVAL);

        store.claim(name, first.plus(INTERVAL.multipliedBy(101)), "a", INTERVAL);

        assertEquals(2, number("SELECT count(*) FROM task_slots WHERE task_name = ?", name));
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
