package org.tickerdesk.instruments.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.WatchlistChanged;

/**
 * The instruments Tickerdesk knows and the watchlist among them. Changes to the watchlist are
 * announced as {@link WatchlistChanged} events. For load tests the simulated market adds {@code
 * tickerdesk.sim.symbols} synthetic stocks S0000, S0001, ... to the watchlist; they live in
 * configuration only, never in the database. Instruments can also be resolved at the broker through
 * the {@link ContractLookup} SPI, which fills in the broker's details.
 */
@Stateless
public class InstrumentCatalog {

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject Event<WatchlistChanged> watchlistChanged;

    @Inject
    @ConfigProperty(name = "tickerdesk.sim.symbols")
    int syntheticStocks;

    @Inject ContractLookup lookup;

    public List<Instrument> all() {
        return em.createNamedQuery(Instrument.ALL, Instrument.class).getResultList();
    }

    public List<Contract> watchlist() {
        List<Contract> contracts =
                new ArrayList<>(
                        em.createNamedQuery(Instrument.WATCHLIST, Instrument.class)
                                .getResultStream()
                                .map(Instrument::contract)
                                .toList());
        for (int i = 0; i < syntheticStocks; i++) {
            contracts.add(Contract.stock(SyntheticStocks.symbol(i), "SIM"));
        }
        return contracts;
    }

    /** How many instruments are known, and how many of them watched, synthetic stocks included. */
    public Counts counts() {
        Object[] row =
                (Object[])
                        em.createNativeQuery(
                                        "SELECT COUNT(*), COUNT(*) FILTER (WHERE on_watchlist) FROM"
                                                + " instruments")
                                .getSingleResult();
        return new Counts(
                ((Number) row[0]).intValue() + syntheticStocks,
                ((Number) row[1]).intValue() + syntheticStocks);
    }

    public record Counts(int known, int watched) {}

    public int syntheticStocks() {
        return syntheticStocks;
    }

    public Optional<Instrument> find(String symbol) {
        return em.createNamedQuery(Instrument.BY_SYMBOL, Instrument.class)
                .setParameter("symbol", symbol)
                .getResultStream()
                .findFirst();
    }

    /**
     * Notes that the instrument's resolution settled it, in the caller's transaction; a symbol the
     * catalog does not hold is left alone.
     */
    public void settled(String symbol, Instant at) {
        find(symbol).ifPresent(instrument -> instrument.settled(at));
    }

    /** When the instrument's resolution settled it; empty while unresolved or unknown. */
    public Optional<Instant> settledAt(String symbol) {
        return find(symbol).map(Instrument::settledAt);
    }

    public boolean isWatched(String symbol) {
        return SyntheticStocks.isOne(symbol, syntheticStocks)
                || find(symbol).map(Instrument::onWatchlist).orElse(false);
    }

    /**
     * Puts a contract on the watchlist: a new instrument, or one that left the watchlist before
     * (its stored contract must then match what is given).
     */
    public Instrument watch(Contract contract, String description) {
        if (SyntheticStocks.isOne(contract.symbol(), syntheticStocks)) {
            throw new InstrumentConflictException(
                    contract.symbol()
                            + " is a synthetic stock of the simulated market"
                            + " (TICKERDESK_SIM_SYMBOLS) and is watched already");
        }
        Optional<Instrument> known = find(contract.symbol());
        if (known.isPresent()) {
            Instrument instrument = known.get();
            if (!instrument.contract().equals(contract)) {
                throw new InstrumentConflictException(
                        contract.symbol()
                                + " is already known as "
                                + describe(instrument.contract())
                                + "; add it again with those details");
            }
            if (instrument.onWatchlist()) {
                throw new InstrumentConflictException(
                        contract.symbol() + " is already on the watchlist");
            }
            instrument.watch();
            watchlistChanged.fire(new WatchlistChanged(contract, true));
            return instrument;
        }
        Instrument instrument = new Instrument(contract, description);
        em.persist(instrument);
        watchlistChanged.fire(new WatchlistChanged(contract, true));
        return instrument;
    }

    /**
     * Whether a broker is configured to resolve instruments; the lookup fails with NOT_USED
     * otherwise.
     */
    public boolean lookupAvailable() {
        return lookup.available();
    }

    /**
     * Looks the query up at the broker and stores the one contract it names, in one transaction: a
     * new instrument, or the known one (the same contract id, else the same symbol) updated with
     * the broker's details; either way it is on the watchlist afterwards. Several matches are
     * refused with all of them listed, so the user can narrow the query. Any failure leaves the
     * catalog as it was.
     */
    public Resolution resolve(ContractQuery query) {
        List<ContractMatch> matches = lookup.lookup(query);
        if (matches.isEmpty()) {
            throw new LookupFailedException(
                    LookupFailedException.Reason.NO_SUCH_INSTRUMENT,
                    "No such instrument: " + query.describe());
        }
        if (matches.size() > 1) {
            throw new LookupFailedException(
                    LookupFailedException.Reason.AMBIGUOUS,
                    matches.size()
                            + " contracts match "
                            + query.describe()
                            + "; narrow it by exchange, currency or expiry, or look up by conId: "
                            + String.join(
                                    "; ", matches.stream().map(ContractMatch::describe).toList()),
                    matches);
        }
        ContractMatch match = matches.get(0);
        Optional<Instrument> known =
                findByConId(match.details().conId()).or(() -> find(match.contract().symbol()));
        if (known.isEmpty()) {
            if (SyntheticStocks.isOne(match.contract().symbol(), syntheticStocks)) {
                throw new InvalidInstrumentException(
                        match.contract().symbol()
                                + " is a synthetic stock of the simulated market"
                                + " (TICKERDESK_SIM_SYMBOLS); it cannot be taken from the broker");
            }
            Instrument instrument = new Instrument(match, Instant.now());
            em.persist(instrument);
            watchlistChanged.fire(new WatchlistChanged(instrument.contract(), true));
            return new Resolution(instrument, true);
        }
        Instrument instrument = known.get();
        try {
            instrument.resolve(match, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new InvalidInstrumentException(e.getMessage());
        }
        if (!instrument.onWatchlist()) {
            instrument.watch();
            watchlistChanged.fire(new WatchlistChanged(instrument.contract(), true));
        }
        return new Resolution(instrument, false);
    }

    /**
     * A resolved instrument, and whether the lookup created it (rather than updating a known one).
     */
    public record Resolution(Instrument instrument, boolean created) {}

    public Optional<Instrument> findByConId(int conId) {
        return em.createNamedQuery(Instrument.BY_CONID, Instrument.class)
                .setParameter("conId", conId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Takes a symbol off the watchlist; its instrument (and later its history) stays.
     *
     * @throws UnknownInstrumentException when no instrument has the symbol
     * @throws InstrumentConflictException when it is not on the watchlist
     */
    public void unwatch(String symbol) {
        Instrument instrument =
                find(symbol).orElseThrow(() -> new UnknownInstrumentException(symbol));
        if (!instrument.onWatchlist()) {
            throw new InstrumentConflictException(symbol + " is not on the watchlist");
        }
        instrument.unwatch();
        watchlistChanged.fire(new WatchlistChanged(instrument.contract(), false));
    }

    private static String describe(Contract c) {
        return c.kind().name().toLowerCase()
                + " on "
                + c.exchange()
                + " in "
                + c.currency()
                + " with tick size "
                + c.tickSize().stripTrailingZeros().toPlainString()
                + (c.expiry() == null ? "" : " expiring " + c.expiry());
    }
}
