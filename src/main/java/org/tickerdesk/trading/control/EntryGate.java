package org.tickerdesk.trading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.tickerdesk.instruments.control.InstrumentCatalog;

/**
 * Keeps new positions out of instruments that are resolved: the instruments component notes when an
 * instrument's resolution settled it, so trading needs nothing of resolution (which stands on
 * trading to settle). An order in such an instrument is refused unless a position in it is still
 * held (opened just before the resolution and not settled yet), when it may be the one that closes
 * it. Exits never pass here: they go from the exit engine to the order desk directly.
 */
@ApplicationScoped
public class EntryGate {

    @Inject InstrumentCatalog catalog;

    @Inject PositionStore positions;

    /**
     * @throws InstrumentResolvedException when the instrument is resolved and nothing in it is held
     */
    public void order(String symbol) {
        Optional<Instant> settled = settled(symbol);
        if (settled.isPresent() && !positions.heldSymbols().contains(normal(symbol))) {
            throw refused(normal(symbol), settled.get(), "an order in it could only open one");
        }
    }

    /**
     * @throws InstrumentResolvedException when the instrument is resolved
     */
    public void position(String symbol) {
        Optional<Instant> settled = settled(symbol);
        if (settled.isPresent()) {
            throw refused(normal(symbol), settled.get(), "no position is opened in it");
        }
    }

    private Optional<Instant> settled(String symbol) {
        return symbol == null || symbol.isBlank()
                ? Optional.empty()
                : catalog.settledAt(normal(symbol));
    }

    private static String normal(String symbol) {
        return symbol.trim().toUpperCase(Locale.ROOT);
    }

    private static InstrumentResolvedException refused(String symbol, Instant at, String why) {
        return new InstrumentResolvedException(
                symbol, symbol + " is resolved (its resolution settled it at " + at + "): " + why);
    }
}
