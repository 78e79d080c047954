package org.tickerdesk.marketdata.control;

import org.tickerdesk.instruments.entity.Contract;

/**
 * SPI for a market-data source (simulated, IBKR). The feed supervisor starts exactly one source,
 * tells it which contracts are wanted, and receives quotes and status changes through the sink. A
 * source delivers from its own threads and must never block on the sink's callers.
 */
public interface MarketDataSource extends AutoCloseable {

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
