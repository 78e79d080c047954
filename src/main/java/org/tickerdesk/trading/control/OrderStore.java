package org.tickerdesk.trading.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;

/**
 * Where the order desk keeps orders. Every call is a transaction of its own: an order is committed
 * before the broker sees it, and each broker event is applied and committed on its own. Kept in
 * PostgreSQL by {@link DatabaseOrderStore}; the desk's tests keep orders in memory.
 */
public interface OrderStore {

    /** Stores a new order; fails when its client order id is taken. */
    OrderSnapshot insert(Order order);

    /** The order with its fills. */
    Optional<OrderSnapshot> find(String clientOrderId);

    /** The newest orders first, without their fills. */
    List<OrderSnapshot> recent(int limit);

    /** The orders of this broker that are not final, with their fills, oldest first. */
    List<OrderSnapshot> working(String broker);

    /**
     * Applies the event to its order; the changed order, or empty when nothing changed or no such
     * order.
     */
    Optional<OrderSnapshot> apply(OrderEvent event, Instant at);
}
