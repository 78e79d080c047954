package org.tickerdesk.trading.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tickerdesk.trading.entity.BrokerStatus;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.WorkingOrder;

/** A broker that only records what the desk hands it, or fails when told to. */
final class StubBroker implements Broker {

    final List<OrderTicket> placed = new ArrayList<>();
    final List<WorkingOrder> startedWith = new ArrayList<>();
    RuntimeException failure;
    Consumer<OrderEvent> events;

    @Override
    public String name() {
        return "stub";
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public void start(Consumer<OrderEvent> events, List<WorkingOrder> working) {
        this.events = events;
        startedWith.addAll(working);
    }

    @Override
    public void place(OrderTicket ticket) {
        if (failure != null) {
            throw failure;
        }
        placed.add(ticket);
    }

    @Override
    public void cancel(OrderSnapshot order) {
        events.accept(new OrderEvent.CancelRequested(order.clientOrderId()));
    }

    @Override
    public BrokerStatus status() {
        return new BrokerStatus(name(), false, true, "stub");
    }

    @Override
    public void close() {}
}
