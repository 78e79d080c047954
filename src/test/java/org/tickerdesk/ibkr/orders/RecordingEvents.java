package org.tickerdesk.ibkr.orders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.tickerdesk.trading.entity.OrderEvent;

/** Keeps what a broker reports, so a test can wait for an event and then look at all of them. */
final class RecordingEvents implements Consumer<OrderEvent> {

    final List<OrderEvent> all = new CopyOnWriteArrayList<>();

    @Override
    public void accept(OrderEvent event) {
        all.add(event);
    }

    <T extends OrderEvent> T await(Class<T> type, String clientOrderId)
            throws InterruptedException {
        return await(type, e -> e.clientOrderId().equals(clientOrderId));
    }

    /** The first such event, waiting up to 5 s for it. */
    <T extends OrderEvent> T await(Class<T> type, Predicate<T> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (OrderEvent event : all) {
                if (type.isInstance(event) && condition.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("No " + type.getSimpleName() + " within 5 s; reported: " + all);
    }

    /** Waits until this many such events about the order have been reported. */
    void awaitCount(Class<? extends OrderEvent> type, String clientOrderId, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (about(clientOrderId).stream().filter(type::isInstance).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        count
                                + " x "
                                + type.getSimpleName()
                                + " expected within 5 s; reported: "
                                + all);
            }
            Thread.sleep(10);
        }
    }

    List<OrderEvent> about(String clientOrderId) {
        return all.stream().filter(e -> e.clientOrderId().equals(clientOrderId)).toList();
    }
}
