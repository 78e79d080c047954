package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.TraderChange;
import org.tickerdesk.copytrading.entity.TraderChanged;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.tasks.control.Tasks;
import org.tickerdesk.tasks.entity.TaskSnapshot;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * What only the container proves: a toggle is committed when it returns (read back on a connection
 * of its own, outside any transaction); the watched traders in JCache serve the change at once
 * after every edit and delete, and keep serving what they hold until the refresh reads a change no
 * edit told; {@link TraderChanged} follows every change; and the refresh is the tasks console's
 * {@code traders-refresh}, every minute.
 */
@ExtendWith(ArquillianExtension.class)
class TradersContainerIT {

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    /** Every trader change fired. */
    @ApplicationScoped
    public static class ChangeRecorder {
        static final List<TraderChanged> CHANGES = new CopyOnWriteArrayList<>();

        void record(@Observes TraderChanged change) {
            CHANGES.add(change);
        }
    }

    @Inject Traders traders;

    @Inject WatchedTraders watched;

    @Inject Tasks tasks;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void aToggleIsCommittedWhenItReturnsAndServedAtOnce() throws SQLException {
        Traders.Created created = traders.create(json(trader("toggled")));
        long id = created.trader().id();
        assertTrue(watched.settings(id).orElseThrow().enabled());
        assertTrue(enabledIds().contains(id));
        assertEquals(created.secret(), watched.secret(id).orElseThrow());
        assertEquals(64, created.secret().length());

        TraderSnapshot off = traders.toggle(id);

        assertFalse(off.settings().enabled());
        assertEquals(false, storedEnabled(id), "committed before toggle returned");
        assertFalse(watched.settings(id).orElseThrow().enabled(), "the cache serves it at once");
        assertFalse(enabledIds().contains(id));
        TraderChanged last = ChangeRecorder.CHANGES.get(ChangeRecorder.CHANGES.size() - 1);
        assertEquals(id, last.traderId());
        assertEquals(TraderChange.TOGGLED, last.change());
        assertFalse(last.trader().settings().enabled());

        TraderSnapshot on = traders.toggle(id);

        assertTrue(on.settings().enabled());
        assertEquals(off.version() + 1, on.version());
        assertEquals(true, storedEnabled(id));
        assertTrue(watched.settings(id).orElseThrow().enabled());
        traders.delete(id);
    }

    @Test
    void anEditIsServedAtOnceAndAChangeByHandOnlyAfterTheRefresh() throws SQLException {
        long id = traders.create(json(trader("edited"))).trader().id();
        assertEquals(new BigDecimal("10000"), watched.settings(id).orElseThrow().allocation());

        traders.update(
                id, json("{\"allocation\":20000,\"sizing\":{\"mode\":\"fixed\",\"amount\":500}}"));

        assertEquals(new BigDecimal("20000"), watched.settings(id).orElseThrow().allocation());
        assertEquals(
                Sizing.fixed(new BigDecimal("500")), watched.settings(id).orElseThrow().sizing());

        execute("UPDATE traders SET allocation = 30000 WHERE id = " + id);
        assertEquals(
                new BigDecimal("20000"),
                watched.settings(id).orElseThrow().allocation(),
                "the cache holds what the last edit told it");

        watched.refresh();

        assertEquals(new BigDecimal("30000"), watched.settings(id).orElseThrow().allocation());

        traders.delete(id);

        assertTrue(watched.settings(id).isEmpty(), "a deleted trader is gone at once");
        assertFalse(enabledIds().contains(id));
        TraderChanged last = ChangeRecorder.CHANGES.get(ChangeRecorder.CHANGES.size() - 1);
        assertEquals(TraderChange.DELETED, last.change());
    }

    @Test
    void theRefreshIsATaskOfTheConsoleEveryMinute() {
        TaskSnapshot refresh =
                tasks.list().stream()
                        .filter(t -> t.name().equals("traders-refresh"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("traders-refresh: " + tasks.list()));
        assertEquals(Duration.ofMinutes(1), refresh.defaultInterval());
        assertFalse(refresh.critical());
    }

    private List<Long> enabledIds() {
        return watched.enabled().stream().map(WatchedTrader::id).toList();
    }

    private Boolean storedEnabled(long id) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT enabled FROM traders WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBoolean(1) : null;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static String trader(String name) {
        return "{\"name\":\""
                + name
                + "-"
                + System.nanoTime()
                + "\",\"feed\":\"webhook\",\"allocation\":10000,"
                + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5}}";
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
