package org.tickerdesk.trading.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.function.Consumer;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.trading.entity.BrokerStatus;
import org.tickerdesk.trading.entity.Holding;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.WorkingOrder;

/**
 * SPI for a broker (paper, IBKR). The order desk starts the configured one and, when that is not
 * the paper broker, the built-in paper broker beside it for the orders that ask for it; it stores
 * every order, with the broker it goes to, before it hands it over, and learns what became of it
 * only from the events the broker reports. Both report to the same consumer. A broker may report
 * from any of its threads, a socket reader or the tick thread included: the consumer only queues
 * the event and returns at once. A broker never sends an order on its own, not even again after a
 * lost connection.
 *
 * <p>How an implementation is chosen, the pattern every SPI of Tickerdesk follows: each
 * implementation is a CDI bean or producer in the component that implements it (IBKR's in {@code
 * org.tickerdesk.ibkr.boundary}, a built-in one beside this SPI), qualified with {@link
 * ConfiguredAs} naming the configured kind it stands for. {@link Brokers} is the one place the
 * configured name is read and the matching implementation selected; consumers inject the SPI
 * unqualified and never know which implementation they got (the order desk alone also injects the
 * paper broker by its qualifier, to run it beside a live one).
 */
public interface Broker extends AutoCloseable {

    /** The {@code tickerdesk.trading} value an implementation stands for. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @interface ConfiguredAs {
        BrokerName value();

        /** The qualifier in code, for {@code Instance.select}. */
        final class Literal extends AnnotationLiteral<ConfiguredAs> implements ConfiguredAs {
            private final BrokerName value;

            public Literal(BrokerName value) {
                this.value = value;
            }

            @Override
            public BrokerName value() {
                return value;
            }
        }
    }

    /** The configuration value that selects this broker: {@code paper}, {@code ibkr}. */
    String name();

    /** True when orders reach a real broker rather than Tickerdesk's own simulation. */
    boolean live();

    /**
     * Begins reporting to {@code events}. {@code working} are the orders this broker held when
     * Tickerdesk last stopped: a broker finds them again (or says it cannot), it never re-sends
     * them.
     */
    void start(Consumer<OrderEvent> events, List<WorkingOrder> working);

    /**
     * Sends a stored order. Whatever follows, a refusal included, arrives as events; returns at
     * once.
     */
    void place(OrderTicket ticket);

    /**
     * Asks the broker to cancel a working order; the outcome arrives as events.
     *
     * @throws OrderRefusedException when the request cannot even be made now (not connected, not
     *     known there)
     */
    void cancel(OrderSnapshot order);

    /**
     * What the broker's accounts hold by its own figures, as last reported: one entry per account
     * and instrument with a quantity other than zero. Empty for a broker that keeps no account of
     * its own (the paper broker: its positions are Tickerdesk's).
     */
    default List<Holding> holdings() {
        return List.of();
    }

    /** Whether the broker can take orders now, and what the dashboard should say about it. */
    BrokerStatus status();

    /** Stops reporting and releases what the broker holds; resting orders stay where they are. */
    @Override
    void close();
}
