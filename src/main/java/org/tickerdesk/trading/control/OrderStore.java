package org.tickerdesk.trading.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderRejected;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;

/**
 * Where the order desk keeps orders: PostgreSQL, one transaction per call, so an order is committed
 * before the broker sees it and each broker event is applied and committed on its own. The entities
 * never leave a call, their snapshots do.
 */
@Stateless
public class OrderStore {

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    /** Inside the transaction that records the rejection; a final order changes no more. */
    @Inject Event<OrderRejected> rejected;

    /** Stores a new order; fails when its client order id is taken. */
    public OrderSnapshot insert(Order order) {
        em.persist(order);
        // the unique client order id must fail here, inside the call, not at a later commit
        em.flush();
        return order.snapshot(true);
    }

    /** The order with its fills. */
    public Optional<OrderSnapshot> find(String clientOrderId) {
        return byClientId(clientOrderId).map(o -> o.snapshot(true));
    }

    /** The newest orders first, without their fills. */
    public List<OrderSnapshot> recent(int limit) {
        return em.createNamedQuery(Order.RECENT, Order.class)
                .setMaxResults(limit)
                .getResultStream()
                .map(o -> o.snapshot(false))
                .toList();
    }

    /** The orders of this broker that are not final, with their fills, oldest first. */
    public List<OrderSnapshot> working(String broker) {
        return em.createNamedQuery(Order.WORKING, Order.class)
                .setParameter("broker", broker)
                .getResultStream()
                .map(o -> o.snapshot(true))
                .toList();
    }

    /**
     * Applies the event to its order; the changed order, or empty when nothing changed or no such
     * order.
     */
    public Optional<OrderSnapshot> apply(OrderEvent event, Instant at) {
        Optional<OrderSnapshot> changed =
                byClientId(event.clientOrderId())
                        .filter(o -> o.apply(event, at))
                        .map(o -> o.snapshot(true));
        changed.filter(o -> o.status() == OrderState.REJECTED)
                .ifPresent(o -> rejected.fire(new OrderRejected(o)));
        return changed;
    }

    private Optional<Order> byClientId(String clientOrderId) {
        return em.createNamedQuery(Order.BY_CLIENT_ID, Order.class)
                .setParameter("id", clientOrderId)
                .getResultStream()
                .findFirst();
    }
}
