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
import org.tickerdesk.trading.entity.ExitState;
import org.tickerdesk.trading.entity.FillSnapshot;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.Position;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;

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

    @Test
    void theExitsLeftWhenAnotherExitClosesThePositionStandDown() {
        PositionSnapshot position = open();
        Instant at = Instant.now();
        CommittedExit rung =
                store.commit(List.of(plan(position, "TAKE_PROFIT.1", false, "1")), at).get(0);
        CommittedExit stop =
                store.commit(List.of(plan(position, "STOP_LOSS", true, "2")), at).get(0);

        store.apply(filled(stop.clientOrderId(), "2", "29.50"), "{}", at);

        assertEquals(PositionState.CLOSED, store.find(position.id()).orElseThrow().state());
        assertEquals(ExitState.STOOD_DOWN, store.exitState(rung.clientOrderId()).orElseThrow());
        assertEquals(ExitState.FILLED, store.exitState(stop.clientOrderId()).orElseThrow());
    }

    private static ExitPlan plan(
            PositionSnapshot position, String rule, boolean closesAll, String quantity) {
        return new ExitPlan(
                position.id(),
                rule,
                closesAll,
                new BigDecimal(quantity),
                OrderType.MKT,
                null,
                new BigDecimal("29.50"),
                new BigDecimal("29.50"),
                Instant.now(),
                0);
    }

    private static OrderSnapshot filled(String clientOrderId, String quantity, String price) {
        Instant at = Instant.now();
        return new OrderSnapshot(
                clientOrderId,
                "paper",
                "MARKCIT",
                Side.SELL,
                new BigDecimal(quantity),
                OrderType.MKT,
                null,
                null,
                TimeInForce.DAY,
                OrderState.FILLED,
                "paper-" + clientOrderId,
                new BigDecimal(quantity),
                new BigDecimal(price),
                null,
                at,
                at,
                List.of(
                        new FillSnapshot(
                                "e-" + clientOrderId,
                                new BigDecimal(quantity),
                                new BigDecimal(price),
                                null,
                                null,
                                at)),
                null);
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
