package org.tickerdesk.trading.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.trading.entity.ExitRecord;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.PositionExit;
import org.tickerdesk.trading.entity.Side;

/**
 * Commits what the engine fired in one round trip to PostgreSQL: a single statement, committed by
 * itself, locks the positions, stores each exit and its order and marks the positions closing. The
 * way {@link PositionStore#commit} goes (a locking read, the inserts, the update and the commit)
 * costs five round trips, and they are on the way from a tick to its order.
 *
 * <p>The statement commits an exit only when the database still holds its position as the engine
 * saw it (open, the same quantity, nothing resting at the broker), and the unique (position, rule)
 * key skips a rule committed before. What it does not commit is left to {@link
 * PositionStore#commit}, which reads the position and decides; the values are checked first by the
 * entities they are taken from, so the statement stores nothing an entity would refuse.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExitStatement {

    /*
     * Ids come from the columns' sequences, which step by 50 for the JPA generator's blocks: the
     * generator takes the 50 below the value it draws, so a value drawn here is never one of them.
     */
    private static final String SQL =
            """
            WITH raw AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS r(position_id, rule, held, closes_all, client_order_id, quantity, order_type,
                    limit_price, trigger_level, trigger_price, tick_at, symbol, order_symbol,
                    order_side, order_quantity, order_order_type, order_limit_price, tif)
            ), plan AS (
                SELECT position_id::bigint AS position_id, rule, held::numeric AS held,
                    closes_all::boolean AS closes_all, client_order_id,
                    quantity::numeric AS quantity, order_type,
                    limit_price::numeric AS limit_price, trigger_level::numeric AS trigger_level,
                    trigger_price::numeric AS trigger_price, tick_at::timestamptz AS tick_at,
                    symbol, order_symbol, order_side, order_quantity::numeric AS order_quantity,
                    order_order_type, order_limit_price::numeric AS order_limit_price, tif
                FROM raw
            ), locked AS (
                SELECT pos.id FROM positions pos JOIN plan ON pos.id = plan.position_id
                WHERE pos.state = 'OPEN' AND pos.quantity = plan.held
                    AND pos.symbol = plan.symbol AND pos.protection IS NULL
                FOR UPDATE OF pos
            ), exits AS (
                INSERT INTO position_exits (position_id, rule, attempt, client_order_id, closes_all,
                    quantity, filled_quantity, state, order_type, limit_price, trigger_level,
                    trigger_price, tick_at, triggered_at)
                SELECT position_id, rule, 1, client_order_id, closes_all, quantity, 0, 'PENDING',
                    order_type, limit_price, trigger_level, trigger_price, tick_at,
                    ?::timestamptz
                FROM plan WHERE position_id IN (SELECT id FROM locked)
                ON CONFLICT (position_id, rule) DO NOTHING
                RETURNING client_order_id
            ), stored AS (
                INSERT INTO orders (client_order_id, broker, symbol, side, quantity, order_type,
                    limit_price, tif, status, filled_quantity, created_at, updated_at)
                SELECT plan.client_order_id, ?, plan.order_symbol, plan.order_side,
                    plan.order_quantity, plan.order_order_type, plan.order_limit_price, plan.tif,
                    'NEW', 0, ?::timestamptz,
                    ?::timestamptz
                FROM plan JOIN exits ON exits.client_order_id = plan.client_order_id
                RETURNING client_order_id
            ), closing AS (
                UPDATE positions pos SET state = 'CLOSING', reason = plan.rule || ' fired',
                    updated_at = ?::timestamptz, version = pos.version + 1
                FROM plan JOIN exits ON exits.client_order_id = plan.client_order_id
                WHERE pos.id = plan.position_id AND plan.closes_all
                RETURNING pos.id
            )
            SELECT client_order_id FROM stored
            """;

    /** The exit lane's own connections, which keep the statement's general plan. */
    @Resource(lookup = "jdbc/tickerdesk-exits")
    DataSource database;

    /** What the statement committed, and the plans it left to the long way. */
    public record Outcome(List<CommittedExit> committed, List<ExitPlan> left) {}

    /**
     * Commits the plans it can in one statement.
     *
     * @param tickets the order ticket of an exit; a plan whose ticket is refused is left
     * @param broker the broker the orders are for
     */
    public Outcome commit(
            List<ExitPlan> plans,
            Instant at,
            Function<CommittedExit, OrderTicket> tickets,
            String broker) {
        List<ExitPlan> left = new ArrayList<>();
        Map<String, CommittedExit> ready = new HashMap<>();
        Map<String, ExitPlan> planOf = new HashMap<>();
        Rows rows = new Rows();
        Set<Long> closed = new HashSet<>();
        Set<String> planned = new HashSet<>();
        for (ExitPlan plan : plans) {
            if (plan.symbol() == null
                    || plan.held() == null
                    || plan.held().signum() == 0
                    || closed.contains(plan.positionId())
                    || !planned.add(plan.positionId() + "/" + plan.rule())) {
                left.add(plan);
                continue;
            }
            CommittedExit exit = prepared(plan, at, tickets, broker);
            if (exit == null) {
                left.add(plan);
                continue;
            }
            if (plan.closesAll()) {
                closed.add(plan.positionId());
            }
            rows.add(plan, exit);
            ready.put(exit.clientOrderId(), exit);
            planOf.put(exit.clientOrderId(), plan);
        }
        if (ready.isEmpty()) {
            return new Outcome(List.of(), left);
        }
        Set<String> stored = execute(rows, at, broker);
        List<CommittedExit> committed = new ArrayList<>();
        for (Map.Entry<String, CommittedExit> one : ready.entrySet()) {
            if (stored.contains(one.getKey())) {
                committed.add(one.getValue());
            } else {
                left.add(planOf.get(one.getKey()));
            }
        }
        return new Outcome(committed, left);
    }

    /**
     * The exit and its order as their entities would store them, or null when one of them refuses
     * the values (the long way then records why).
     */
    private static CommittedExit prepared(
            ExitPlan plan,
            Instant at,
            Function<CommittedExit, OrderTicket> tickets,
            String broker) {
        BigDecimal held = plan.held().abs();
        BigDecimal quantity = plan.closesAll() ? held : plan.quantity().min(held);
        try {
            PositionExit exit =
                    new PositionExit(
                            plan.positionId(),
                            plan.rule(),
                            plan.closesAll(),
                            quantity,
                            plan.orderType(),
                            plan.limitPrice(),
                            plan.triggerLevel(),
                            plan.triggerPrice(),
                            plan.tickAt(),
                            at);
            ExitRecord record = exit.record();
            CommittedExit done =
                    new CommittedExit(
                            plan.positionId(),
                            plan.symbol(),
                            record.rule(),
                            record.clientOrderId(),
                            plan.held().signum() > 0 ? Side.SELL : Side.BUY,
                            record.quantity(),
                            record.orderType(),
                            record.limitPrice(),
                            plan.tickNanos(),
                            null,
                            null);
            OrderTicket ticket = tickets.apply(done);
            OrderSnapshot order = new Order(ticket, broker, at).snapshot(true);
            if (order.stopPrice() != null || order.ocaGroup() != null) {
                return null;
            }
            return done.withOrder(ticket, order);
        } catch (ProblemException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private Set<String> execute(Rows rows, Instant at, String broker) {
        try (Connection connection = database.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                int index = rows.bind(connection, statement);
                String time = at.toString();
                statement.setString(++index, time);
                statement.setString(++index, broker);
                statement.setString(++index, time);
                statement.setString(++index, time);
                statement.setString(++index, time);
                Set<String> stored = new HashSet<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        stored.add(result.getString(1));
                    }
                }
                return stored;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The exits could not be committed: " + e.getMessage(), e);
        }
    }

    /** The statement's parameters: one text array per column, a row per exit. */
    private static final class Rows {

        private final List<List<String>> columns = new ArrayList<>();

        Rows() {
            for (int i = 0; i < 18; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(ExitPlan plan, CommittedExit exit) {
            OrderSnapshot order = exit.order();
            put(
                    Long.toString(plan.positionId()),
                    exit.rule(),
                    plan.held().toPlainString(),
                    Boolean.toString(plan.closesAll()),
                    exit.clientOrderId(),
                    exit.quantity().toPlainString(),
                    exit.orderType().name(),
                    text(exit.limitPrice()),
                    text(plan.triggerLevel()),
                    text(plan.triggerPrice()),
                    plan.tickAt() == null ? null : plan.tickAt().toString(),
                    plan.symbol(),
                    order.symbol(),
                    order.side().name(),
                    order.quantity().toPlainString(),
                    order.type().name(),
                    text(order.limitPrice()),
                    order.tif().name());
        }

        private void put(String... values) {
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
        }

        int bind(Connection connection, PreparedStatement statement) throws SQLException {
            int index = 0;
            for (List<String> column : columns) {
                Array array = connection.createArrayOf("text", column.toArray(new String[0]));
                statement.setArray(++index, array);
            }
            return index;
        }

        private static String text(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }
    }
}
