package org.tickerdesk.history.boundary;

import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentDetails;

/** What the history endpoints need of an instrument: that it exists, and its IB details. */
final class HistoryReads {

    private HistoryReads() {}

    /** A path that cannot be a symbol names nothing; it is not worth asking the database. */
    static Instrument instrument(InstrumentCatalog catalog, String symbol) {
        if (!Contract.SYMBOL.matcher(symbol).matches()) {
            throw HistoryFailureException.unknownInstrument(printable(symbol));
        }
        return catalog.find(symbol)
                .orElseThrow(() -> HistoryFailureException.unknownInstrument(symbol));
    }

    /** The details IB gave when the instrument was looked up there; null if it never was. */
    static InstrumentDetails details(Instrument instrument) {
        return instrument.details();
    }

    private static String printable(String text) {
        String shown = text.codePoints().anyMatch(Character::isISOControl) ? "that" : text;
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }
}
