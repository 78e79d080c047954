package org.tickerdesk.copytrading.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * SPI for a trade feed: where the trades of followed traders come from. A trader names one feed
 * ({@code webhook}, {@code ibkr}, {@code simulated}: the trader's {@code feed}), and the feed of
 * that name delivers the trader's trades into the intake through the {@link TradeSink} it is
 * started with. Unlike the market-data source, every feed is in use at once: each trader chooses.
 *
 * <p>How an implementation is chosen follows the pattern of every SPI of Tickerdesk: each
 * implementation is a CDI bean or producer in the component that implements it (IBKR's in {@code
 * org.tickerdesk.ibkr}, the built-in ones beside this SPI in {@link TradeFeeds}), qualified with
 * {@link Named} naming the feed it stands for. {@link TradeFeeds} is the one place a feed is
 * selected by name, started and closed; nothing else knows which implementation it got.
 *
 * <p>Lifecycle: {@link TradeFeeds} makes each feed once, calls {@link #start} once at application
 * start, {@link #poll} from the scheduler's thread (a task of the tasks console) for a feed that is
 * polled, and {@link #close} once at shutdown. A feed that listens on its own (TWS callbacks) may
 * deliver from its own threads at any time after {@link #start}; a passive feed (the webhook, fed
 * by its REST endpoint) delivers on the request's thread. A feed may call only the sink: the sink
 * finds the followed traders of the feed and takes their trades, and the intake it leads to is
 * idempotent by trader, feed and trade id, so delivering a trade again is harmless and a feed keeps
 * no durable state of its own. {@link TradeSink#deliver} blocks until the trade is decided and its
 * order placed, so a feed never calls it while holding a lock its other threads need.
 */
public interface TradeFeed {

    /** The trader's {@code feed} value an implementation stands for. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @interface Named {
        String value();

        /** The qualifier in code, for {@code Instance.select}. */
        final class Literal extends AnnotationLiteral<Named> implements Named {
            private final String value;

            public Literal(String value) {
                this.value = value;
            }

            @Override
            public String value() {
                return value;
            }
        }
    }

    /** The trader's {@code feed} value this feed serves: {@code webhook}, {@code ibkr}, .... */
    String name();

    /**
     * Why this feed cannot deliver here, in one sentence for an admin (the market data do not come
     * from the simulated market, TWS is not used); empty when it can.
     */
    Optional<String> unavailable();

    /** Begins delivering into the sink; returns at once. */
    void start(TradeSink sink);

    /**
     * Looks for new trades of the feed's followed traders and delivers them, on the caller's
     * thread; a feed that is told of trades (a webhook, TWS callbacks) does nothing.
     */
    default void poll() {}

    /** Stops delivering and releases threads and subscriptions. */
    void close();
}
