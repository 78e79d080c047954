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
    final List<String> cancelled = new ArrayList<>();
    RuntimeException failure;
    Consumer<OrderEvent> events;
    private final String name;
    private final boolean live;

    StubBroker() {
        this("stub", false);
    }

    /** A stand-in for a live broker by this name (e.g. {@code ibkr}). */
    StubBroker(String name, boolean live) {
        this.name = name;
        this.live = live;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean live() {
        return live;
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
        cancelled.add(order.clientOrderId());
        events.accept(new OrderEvent.CancelRequested(order.clientOrderId()));
    }

    @Override
    public BrokerStatus status() {
        return new BrokerStatus(name(), false, true, "stub");
    }

    @Override
    public void close() {}
}
