package org.tickerdesk.instruments.boundary;

import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * An instrument as JSON.
 */
public record InstrumentView(String symbol, String kind, String exchange, String currency, BigDecimal tickSize,
                             LocalDate expiry, String description, boolean watched) {

    static InstrumentView of(Instrument instrument) {
        Contract c = instrument.contract();
        return new InstrumentView(c.symbol(), c.kind().name().toLowerCase(Locale.ROOT), c.exchange(), c.currency(),
                c.tickSize().stripTrailingZeros(), c.expiry(), instrument.description(), instrument.onWatchlist());
    }
}
