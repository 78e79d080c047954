package org.tickerdesk.analytics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;

/**
 * The instruments analytics answers for, refusing an unknown symbol as history does (404 {@code
 * unknown_instrument}). An instrument's id never changes and an instrument is never removed, so the
 * id found for a symbol is kept: a chart polling candles then costs no catalog query.
 */
@ApplicationScoped
public class InstrumentIds {

    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    @Inject InstrumentCatalog catalog;

    long id(String symbol) {
        Long known = ids.get(symbol);
        if (known != null) {
            return known;
        }
        if (!Contract.SYMBOL.matcher(symbol).matches()) {
            throw HistoryFailureException.unknownInstrument(printable(symbol));
        }
        long id =
                catalog.find(symbol)
                        .orElseThrow(() -> HistoryFailureException.unknownInstrument(symbol))
                        .id();
        ids.put(symbol, id);
        return id;
    }

    private static String printable(String text) {
        String shown = text.codePoints().anyMatch(Character::isISOControl) ? "that" : text;
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
