package org.tickerdesk.trading.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;

/** The order store in a map, for the desk's tests: the same entities and rules, no database. */
final class InMemoryOrderStore extends OrderStore {

    private final Map<String, Order> orders = new LinkedHashMap<>();

    @Override
    public synchronized OrderSnapshot insert(Order order) {
        if (orders.putIfAbsent(order.clientOrderId(), order) != null) {
            throw new IllegalStateException(
                    "duplicate key value violates unique constraint: " + order.clientOrderId());
        }
        return order.snapshot(true);
    }

    @Override
    public synchronized Optional<OrderSnapshot> find(String clientOrderId) {
        return Optional.ofNullable(orders.get(clientOrderId)).map(o -> o.snapshot(true));
    }

    @Override
    public synchronized List<OrderSnapshot> recent(int limit) {
        List<OrderSnapshot> newestFirst = new ArrayList<>();
        orders.values().forEach(o -> newestFirst.add(0, o.snapshot(false)));
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }

    @Override
    public synchronized List<OrderSnapshot> working(String broker) {
        return orders.values().stream()
                .map(o -> o.snapshot(true))
                .filter(o -> o.broker().equals(broker) && !o.status().isFinal())
                .toList();
    }

    @Override
    public synchronized Optional<OrderSnapshot> apply(OrderEvent event, Instant at) {
        return Optional.ofNullable(orders.get(event.clientOrderId()))
                .filter(o -> o.apply(event, at))
                .map(o -> o.snapshot(true));
    }
}
