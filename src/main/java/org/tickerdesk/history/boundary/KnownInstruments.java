package org.tickerdesk.history.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;

/**
 * The instruments the history endpoints read for. An instrument's id never changes and an
 * instrument is never removed (leaving the watchlist keeps it), so the id found for a symbol is
 * kept: a chart asking for candles every few seconds then costs one query, not two. Whatever else
 * is asked of an instrument (its contract and IB's details, which a lookup may change) is read from
 * the catalog each time.
 */
@ApplicationScoped
public class KnownInstruments {

    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    @Inject InstrumentCatalog catalog;

    /** The instrument's id; an unknown symbol is refused as such. */
    long id(String symbol) {
        Long known = ids.get(symbol);
        if (known != null) {
            return known;
        }
        long id = find(symbol).id();
        ids.put(symbol, id);
        return id;
    }

    /** The instrument as the catalog has it now. */
    Instrument find(String symbol) {
        if (!Contract.SYMBOL.matcher(symbol).matches()) {
            throw HistoryFailureException.unknownInstrument(printable(symbol));
        }
        return catalog.find(symbol)
                .orElseThrow(() -> HistoryFailureException.unknownInstrument(symbol));
    }

    private static String printable(String text) {
        String shown = text.codePoints().anyMatch(Character::isISOControl) ? "that" : text;
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
