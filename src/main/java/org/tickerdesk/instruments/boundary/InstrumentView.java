package org.tickerdesk.instruments.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;

/**
 * An instrument as JSON. The broker's details (conId to resolvedAt) are null, and so left out,
 * until the instrument has been looked up at the broker.
 */
public record InstrumentView(
        String symbol,
        String kind,
        String exchange,
        String currency,
        BigDecimal tickSize,
        LocalDate expiry,
        String description,
        boolean watched,
        Integer conId,
        BigDecimal multiplier,
        String longName,
        String timeZone,
        String tradingHours,
        String liquidHours,
        Instant resolvedAt) {

    static InstrumentView of(Instrument instrument) {
        Contract c = instrument.contract();
        return new InstrumentView(
                c.symbol(),
                c.kind().name().toLowerCase(Locale.ROOT),
                c.exchange(),
                c.currency(),
                c.tickSize().stripTrailingZeros(),
                c.expiry(),
                instrument.description(),
                instrument.onWatchlist(),
                instrument.conId(),
                instrument.multiplier(),
                instrument.longName(),
                instrument.timeZone(),
                instrument.tradingHours(),
                instrument.liquidHours(),
                instrument.resolvedAt());
    }
}
