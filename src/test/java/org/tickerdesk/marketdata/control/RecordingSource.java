package org.tickerdesk.marketdata.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tickerdesk.instruments.entity.Contract;

/**
 * A market-data source that keeps what it is told and streams nothing by itself: the test delivers
 * through {@link #sink}. Like IB, it refuses a contract it cannot name with an
 * IllegalArgumentException.
 */
final class RecordingSource implements MarketDataSource {

    final boolean onDemand;

    /** Symbols it cannot name. */
    final Set<String> unnamable = ConcurrentHashMap.newKeySet();

    /** Every subscribe and unsubscribe in order, as "+AAPL" and "-AAPL". */
    final List<String> calls = new ArrayList<>();

    /** What it streams now. */
    final Set<String> streaming = ConcurrentHashMap.newKeySet();

    MarketDataSink sink;
    boolean closed;

    RecordingSource(boolean onDemand) {
        this.onDemand = onDemand;
    }

    @Override
    public String name() {
        return onDemand ? "ibkr" : "simulated";
    }

    @Override
    public boolean subscribesOnDemand() {
        return onDemand;
    }

    @Override
    public void start(MarketDataSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void subscribe(Contract contract) {
        if (unnamable.contains(contract.symbol())) {
            throw new IllegalArgumentException("cannot name " + contract.symbol());
        }
        calls.add("+" + contract.symbol());
        streaming.add(contract.symbol());
    }

    @Override
    public synchronized void unsubscribe(String symbol) {
        calls.add("-" + symbol);
        streaming.remove(symbol);
    }

    @Override
    public void close() {
        closed = true;
    }
}
