package org.tickerdesk.trading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.WatchlistChanged;

/**
 * The contract each order is checked against, remembered for an hour: an exit's order is checked
 * inside the transaction that commits the exit, on the way from a tick to the order, where a query
 * per exit shows in the latency (with a minute, exits spread over 1,000 instruments found it
 * forgotten more often than not). A change of the watchlist forgets the symbol at once; the hour
 * bounds how long any other change of a stored contract (a new tick size from the broker) takes to
 * reach the orders.
 */
@ApplicationScoped
public class KnownContracts {

    static final Duration REMEMBERED = Duration.ofHours(1);

    @Inject InstrumentCatalog catalog;

    @Inject Clock clock;

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(Optional<Contract> contract, Instant until) {}

    /**
     * The symbol's contract as the catalog has it; a watched symbol the catalog does not hold (a
     * synthetic stock of the simulated market) trades as a stock on {@code SIM}; empty for a symbol
     * nobody watches.
     */
    public Optional<Contract> contract(String symbol) {
        Instant now = clock.instant();
        Known remembered = known.get(symbol);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.contract();
        }
        Optional<Contract> contract = lookUp(symbol);
        known.put(symbol, new Known(contract, now.plus(REMEMBERED)));
        return contract;
    }

    void forget(@Observes WatchlistChanged changed) {
        known.remove(changed.contract().symbol());
    }

    private Optional<Contract> lookUp(String symbol) {
        Optional<Contract> stored = catalog.find(symbol).map(Instrument::contract);
        if (stored.isPresent() || !catalog.isWatched(symbol)) {
            return stored;
        }
        return Optional.of(Contract.stock(symbol, "SIM"));
    }
}
