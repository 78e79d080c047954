package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.trading.entity.FillSnapshot;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;

/**
 * Orders kept in PostgreSQL: each call of the store is a transaction of its own, and what one call
 * committed is what the next one reads, fills included.
 */
@ExtendWith(ArquillianExtension.class)
class OrderStoreContainerIT {

    private static final Instant PLACED = Instant.parse("2025-11-20T14:30:00Z");

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject OrderStore orders;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @Test
    void anOrderRoundTripsWithItsEventsAndFills() throws SQLException {
        String id = "cit-round-trip-1";
        OrderSnapshot placed =
                orders.insert(new Order(limitBuy(id, "10", "187.25"), "paper", PLACED));
        assertEquals(OrderState.NEW, placed.status());

        orders.apply(new OrderEvent.Sent(id, "B-1001"), PLACED.plusSeconds(1));
        orders.apply(new OrderEvent.Accepted(id, null), PLACED.plusSeconds(2));
        orders.apply(
                new OrderEvent.Filled(
                        id,
                        "E-1",
                        new BigDecimal("4"),
                        new BigDecimal("187.20"),
                        PLACED.plusSeconds(3)),
                PLACED.plusSeconds(3));
        orders.apply(
                new OrderEvent.Filled(
                        id,
                        "E-2",
                        new BigDecimal("6"),
                        new BigDecimal("187.25"),
                        PLACED.plusSeconds(4)),
                PLACED.plusSeconds(4));
        orders.apply(
                new OrderEvent.Charged(id, "E-1", new BigDecimal("1.00"), "USD"),
                PLACED.plusSeconds(5));

        OrderSnapshot read = orders.find(id).orElseThrow();
        assertEquals(id, read.clientOrderId());
        assertEquals("paper", read.broker());
        assertEquals("AAPL", read.symbol());
        assertEquals(Side.BUY, read.side());
        assertEquals(OrderType.LMT, read.type());
        assertEquals(TimeInForce.DAY, read.tif());
        assertEquals(new BigDecimal("10"), read.quantity());
        assertEquals(new BigDecimal("187.25"), read.limitPrice());
        assertNull(read.stopPrice());
        assertEquals("B-1001", read.brokerOrderId());
        assertEquals(OrderState.FILLED, read.status());
        assertEquals(new BigDecimal("10"), read.filledQuantity());
        // (4 x 187.20 + 6 x 187.25) / 10 = (748.80 + 1123.50) / 10
        assertEquals(new BigDecimal("187.23"), read.avgFillPrice());
        assertEquals(PLACED, read.createdAt());
        assertEquals(PLACED.plusSeconds(5), read.updatedAt());
        assertEquals(
                List.of(
                        new FillSnapshot(
                                "E-1",
                                new BigDecimal("4"),
                                new BigDecimal("187.2"),
                                new BigDecimal("1"),
                                "USD",
                                PLACED.plusSeconds(3)),
                        new FillSnapshot(
                                "E-2",
                                new BigDecimal("6"),
                                new BigDecimal("187.25"),
                                null,
                                null,
                                PLACED.plusSeconds(4))),
                read.fills());
        assertEquals(2, fillRowsOf(id));
    }

    @Test
    void aReplayedExecutionIsStoredOnce() throws SQLException {
        String id = "cit-replay-1";
        orders.insert(new Order(limitBuy(id, "5", "20.50"), "paper", PLACED));
        OrderEvent.Filled execution =
                new OrderEvent.Filled(
                        id,
                        "E-7",
                        new BigDecimal("2"),
                        new BigDecimal("20.50"),
                        PLACED.plusSeconds(1));

        assertEquals(
                OrderState.PARTIALLY_FILLED,
                orders.apply(execution, PLACED.plusSeconds(1)).orElseThrow().status());
        assertTrue(orders.apply(execution, PLACED.plusSeconds(2)).isEmpty());

        assertEquals(new BigDecimal("2"), orders.find(id).orElseThrow().filledQuantity());
        assertEquals(1, fillRowsOf(id));
    }

    @Test
    void aClientOrderIdIsUnique() {
        String id = "cit-unique-1";
        orders.insert(new Order(limitBuy(id, "3", "99.00"), "paper", PLACED));

        assertThrows(
                EJBException.class,
                () ->
                        orders.insert(
                                new Order(
                                        limitBuy(id, "7", "98.00"),
                                        "paper",
                                        PLACED.plusSeconds(60))));

        OrderSnapshot kept = orders.find(id).orElseThrow();
        assertEquals(new BigDecimal("3"), kept.quantity());
        assertEquals(new BigDecimal("99"), kept.limitPrice());
        assertEquals(PLACED, kept.createdAt());
        assertEquals(
                1, orders.recent(1000).stream().filter(o -> o.clientOrderId().equals(id)).count());
    }

    private static OrderTicket limitBuy(String id, String quantity, String limit) {
        return new OrderTicket(
                id,
                Contract.stock("AAPL", "NASDAQ"),
                Side.BUY,
                new BigDecimal(quantity),
                OrderType.LMT,
                new BigDecimal(limit),
                null,
                TimeInForce.DAY);
    }

    private long fillRowsOf(String clientOrderId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement count =
                        connection.prepareStatement(
                                "SELECT count(*) FROM fills f JOIN orders o ON o.id = f.order_id"
                                        + " WHERE o.client_order_id = ?")) {
            count.setString(1, clientOrderId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
