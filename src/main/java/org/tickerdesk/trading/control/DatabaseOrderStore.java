package org.tickerdesk.trading.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;

/**
 * Orders in PostgreSQL, one transaction per call; the entities never leave it, their snapshots do.
 */
@Stateless
public class DatabaseOrderStore implements OrderStore {

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Override
    public OrderSnapshot insert(Order order) {
        em.persist(order);
        // the unique client order id must fail here, inside the call, not at a later commit
        em.flush();
        return order.snapshot(true);
    }

    @Override
    public Optional<OrderSnapshot> find(String clientOrderId) {
        return byClientId(clientOrderId).map(o -> o.snapshot(true));
    }

    @Override
    public List<OrderSnapshot> recent(int limit) {
        return em.createNamedQuery(Order.RECENT, Order.class)
                .setMaxResults(limit)
                .getResultStream()
                .map(o -> o.snapshot(false))
                .toList();
    }

    @Override
    public List<OrderSnapshot> working(String broker) {
        return em.createNamedQuery(Order.WORKING, Order.class)
                .setParameter("broker", broker)
                .getResultStream()
                .map(o -> o.snapshot(true))
                .toList();
    }

    @Override
    public Optional<OrderSnapshot> apply(OrderEvent event, Instant at) {
        return byClientId(event.clientOrderId())
                .filter(o -> o.apply(event, at))
                .map(o -> o.snapshot(true));
    }

    private Optional<Order> byClientId(String clientOrderId) {
        return em.createNamedQuery(Order.BY_CLIENT_ID, Order.class)
                .setParameter("id", clientOrderId)
                .getResultStream()
                .findFirst();
    }
}
