package org.tickerdesk.marketdata.control;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.platform.entity.SourceName;

/**
 * SPI for a market-data source (simulated, IBKR). The feed supervisor starts exactly one source,
 * tells it which contracts are wanted, and receives quotes and status changes through the sink. A
 * source delivers from its own threads and must never block on the sink's callers.
 *
 * <p>How an implementation is chosen, the pattern every SPI of Tickerdesk follows: each
 * implementation is a CDI bean or producer in the component that implements it (IBKR's in {@code
 * org.tickerdesk.ibkr.boundary}, a built-in one beside this SPI), qualified with {@link
 * ConfiguredAs} naming the configured kind it stands for. {@link MarketDataSources} is the one
 * place the configured name is read and the matching implementation selected; consumers inject the
 * SPI unqualified and never know which implementation they got.
 */
public interface MarketDataSource extends AutoCloseable {

    /** The {@code tickerdesk.source} value an implementation stands for. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
    @interface ConfiguredAs {
        SourceName value();

        /** The qualifier in code, for {@code Instance.select}. */
        final class Literal extends AnnotationLiteral<ConfiguredAs> implements ConfiguredAs {
            private final SourceName value;

            public Literal(SourceName value) {
                this.value = value;
            }

            @Override
            public SourceName value() {
                return value;
            }
        }
    }

    /** The configuration value that selects this source: {@code simulated}, {@code ibkr}. */
    String name();

    /**
     * True when a subscription costs something (IB's market-data lines): the supervisor then
     * subscribes a symbol only while something needs it, and releases it once idle.
     */
    default boolean subscribesOnDemand() {
        return false;
    }

    /** Begins delivering to the sink; returns at once. */
    void start(MarketDataSink sink);

    /** From now on, quotes for this contract are wanted. Subscribing twice is harmless. */
    void subscribe(Contract contract);

    /** Quotes for this symbol are no longer wanted. */
    void unsubscribe(String symbol);

    /** Stops delivering and releases threads and connections. */
    @Override
    void close();
}
