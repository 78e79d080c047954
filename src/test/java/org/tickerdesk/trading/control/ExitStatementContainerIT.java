package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.trading.entity.ExitState;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.Position;
import org.tickerdesk.trading.entity.PositionExit;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;

/**
 * The exit's one statement stores what the long way stores (the exit, its order, the position
 * closing) and commits only what the database still holds as the engine saw it; everything else is
 * left to the long way, and nothing is stored twice.
 */
@ExtendWith(ArquillianExtension.class)
class ExitStatementContainerIT {

    private static final Contract CONTRACT =
            new Contract(
                    "STMTX", InstrumentKind.STOCK, "SMART", "USD", new BigDecimal("0.01"), null);

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject ExitStatement statement;

    @Inject PositionStore store;

    @Inject OrderStore orders;

    @Resource(lookup = "jdbc/tickerdesk-exits")
    DataSource exitConnections;

    @Test
    void theExitLanesConnectionsKeepTheGeneralPlan() throws SQLException {
        try (Connection connection = exitConnections.getConnection();
                Statement query = connection.createStatement();
                ResultSet mode = query.executeQuery("SHOW plan_cache_mode")) {
            assertTrue(mode.next());
            assertEquals("force_generic_plan", mode.getString(1));
        }
    }

    @Test
    void aStopCommitsTheExitItsOrderAndThePositionClosingInOneGo() {
        PositionSnapshot position = open("3");
        Instant at = Instant.parse("2026-11-30T15:00:00.123456Z");

        ExitStatement.Outcome outcome =
                statement.commit(
                        List.of(plan(position, "STOP_LOSS", true, "3", "3")),
                        at,
                        this::ticket,
                        "paper");

        assertEquals(List.of(), outcome.left());
        CommittedExit exit = outcome.committed().get(0);
        String id = exitId(position.id(), "STOP_LOSS");
        assertEquals(id, exit.clientOrderId());
        assertEquals(Side.SELL, exit.side());
        assertEquals(0, new BigDecimal("3").compareTo(exit.quantity()));
        assertEquals(PositionState.CLOSING, store.find(position.id()).orElseThrow().state());
        assertEquals(ExitState.PENDING, store.exitState(id).orElseThrow());
        OrderSnapshot order = orders.find(id).orElseThrow();
        assertEquals(OrderState.NEW, order.status());
        assertEquals(Side.SELL, order.side());
        assertEquals(0, new BigDecimal("3").compareTo(order.quantity()));
        assertEquals("STMTX", order.symbol());
        assertEquals(at, order.createdAt());
    }

    @Test
    void aTakeProfitRungLeavesThePositionOpenAndSellsOnlyItsPart() {
        PositionSnapshot position = open("4");

        ExitStatement.Outcome outcome =
                statement.commit(
                        List.of(plan(position, "TAKE_PROFIT:1", false, "1", "4")),
                        Instant.now(),
                        this::ticket,
                        "paper");

        assertEquals(1, outcome.committed().size());
        assertEquals(PositionState.OPEN, store.find(position.id()).orElseThrow().state());
        String id = exitId(position.id(), "TAKE_PROFIT:1");
        assertEquals(0, BigDecimal.ONE.compareTo(orders.find(id).orElseThrow().quantity()));
    }

    @Test
    void aPositionThatChangedSinceTheEngineSawItIsLeftToTheLongWay() {
        PositionSnapshot position = open("3");
        // the engine still thinks 5 are held
        ExitPlan stale = plan(position, "STOP_LOSS", true, "5", "5");

        ExitStatement.Outcome outcome =
                statement.commit(List.of(stale), Instant.now(), this::ticket, "paper");

        assertEquals(List.of(), outcome.committed());
        assertEquals(List.of(stale), outcome.left());
        assertEquals(PositionState.OPEN, store.find(position.id()).orElseThrow().state());
        String id = exitId(position.id(), "STOP_LOSS");
        assertEquals(Optional.empty(), store.exitState(id));
        assertEquals(Optional.empty(), orders.find(id));
    }

    @Test
    void aRuleThatFiredBeforeIsNotStoredAgain() {
        PositionSnapshot position = open("4");
        ExitPlan rung = plan(position, "TAKE_PROFIT:1", false, "1", "4");
        statement.commit(List.of(rung), Instant.now(), this::ticket, "paper");

        ExitStatement.Outcome again =
                statement.commit(List.of(rung), Instant.now(), this::ticket, "paper");

        assertEquals(List.of(), again.committed());
        assertEquals(List.of(rung), again.left());
        assertEquals(1, store.exits(position.id()).size());
    }

    @Test
    void aPlanWithoutTheEnginesViewAndASecondRuleAfterAFullCloseAreLeft() {
        PositionSnapshot position = open("2");
        ExitPlan stop = plan(position, "STOP_LOSS", true, "2", "2");
        ExitPlan after = plan(position, "TIME_LIMIT", true, "2", "2");
        ExitPlan blind =
                new ExitPlan(
                        position.id(),
                        "TRAILING",
                        true,
                        new BigDecimal("2"),
                        OrderType.MKT,
                        null,
                        null,
                        null,
                        Instant.now(),
                        0);

        ExitStatement.Outcome outcome =
                statement.commit(List.of(stop, after, blind), Instant.now(), this::ticket, "paper");

        assertEquals(1, outcome.committed().size());
        assertTrue(outcome.left().containsAll(List.of(after, blind)));
        assertEquals(2, outcome.left().size());
    }

    private OrderTicket ticket(CommittedExit exit) {
        return new OrderTicket(
                exit.clientOrderId(),
                CONTRACT,
                exit.side(),
                exit.quantity(),
                exit.orderType(),
                exit.limitPrice(),
                null,
                TimeInForce.DAY);
    }

    private static String exitId(long position, String rule) {
        return PositionExit.clientOrderId(position, rule, 1);
    }

    private static ExitPlan plan(
            PositionSnapshot position,
            String rule,
            boolean closesAll,
            String quantity,
            String held) {
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
                System.nanoTime(),
                "STMTX",
                new BigDecimal(held));
    }

    private PositionSnapshot open(String quantity) {
        Instant at = Instant.now();
        return store.adopt(
                new Position(
                        "STMTX",
                        "paper",
                        "paper",
                        PositionOrigin.ADOPTED,
                        Side.BUY,
                        new BigDecimal(quantity),
                        ExitRulesJson.write(ExitRulesJson.read("{}")).toString(),
                        null,
                        at),
                new BigDecimal("30"),
                at);
    }
}
