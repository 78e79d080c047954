package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.trading.entity.Position;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.Side;

/**
 * The sweep's prices are written behind, never in the way of what closes a position: a position
 * another transaction holds (an exit fill being applied) is skipped at once, without waiting and
 * without failing the write of the others, and marked by the next sweep.
 */
@ExtendWith(ArquillianExtension.class)
class PositionStoreContainerIT {

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject PositionStore store;

    @Resource ManagedExecutorService executor;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void aPositionChangedByAnotherTransactionIsMarkedNextTimeAndTheOthersNow() throws Exception {
        PositionSnapshot busy = open();
        PositionSnapshot idle = open();
        List<PositionMark> marks =
                List.of(
                        new PositionMark(busy.id(), new BigDecimal("31"), new BigDecimal("31")),
                        new PositionMark(idle.id(), new BigDecimal("32"), new BigDecimal("32")));

        try (Connection other = database.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement change =
                    other.prepareStatement(
                            "UPDATE positions SET version = version + 1 WHERE id = ?")) {
                change.setLong(1, busy.id());
                assertEquals(1, change.executeUpdate());
            }
            Future<?> marked = executor.submit(() -> store.mark(marks, Instant.now()));
            marked.get(10, TimeUnit.SECONDS);
            other.commit();
        }

        assertNull(store.find(busy.id()).orElseThrow().currentPrice());
        // (32 - 30) x 2
        assertEquals(
                0,
                new BigDecimal("4").compareTo(store.find(idle.id()).orElseThrow().unrealizedPnl()));
        store.mark(marks, Instant.now());
        assertEquals(
                0,
                new BigDecimal("31").compareTo(store.find(busy.id()).orElseThrow().currentPrice()));
    }

    private PositionSnapshot open() {
        Instant at = Instant.now();
        return store.adopt(
                new Position(
                        "MARKCIT",
                        "paper",
                        "paper",
                        PositionOrigin.ADOPTED,
                        Side.BUY,
                        new BigDecimal("2"),
                        ExitRulesJson.write(ExitRulesJson.read("{}")).toString(),
                        null,
                        at),
                new BigDecimal("30"),
                at);
    }
}
