package org.tickerdesk.instruments.control;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * A lookup as a person or a program types it, every field a string (blank for none): a contract id
 * alone, or a symbol with its kind (stock when blank) and, to narrow the answer, exchange, currency
 * and expiry. Turned into a {@link ContractQuery} or refused with what to fix.
 */
public record LookupInput(
        String conId, String symbol, String kind, String exchange, String currency, String expiry) {

    public ContractQuery toQuery() {
        String id = blankToNull(conId);
        if (id != null) {
            if (blankToNull(symbol) != null
                    || blankToNull(kind) != null
                    || blankToNull(currency) != null
                    || blankToNull(expiry) != null) {
                throw new InvalidInstrument("Look up either by conId or by symbol, not both");
            }
            try {
                return new ContractQuery(contractId(id), null, null, upper(exchange), null, null);
            } catch (IllegalArgumentException e) {
                throw new InvalidInstrument(e.getMessage());
            }
        }
        if (blankToNull(symbol) == null) {
            throw new InvalidInstrument("A symbol (or a conId) is required");
        }
        InstrumentKind instrumentKind = parsedKind();
        String expiryText = blankToNull(expiry);
        try {
            ContractQuery query =
                    ContractQuery.bySymbol(
                            symbol.strip().toUpperCase(Locale.ROOT),
                            instrumentKind,
                            upper(exchange),
                            upper(currency),
                            expiryText);
            refusePast(query);
            return query;
        } catch (IllegalArgumentException e) {
            throw new InvalidInstrument(e.getMessage());
        }
    }

    private static int contractId(String text) {
        try {
            int id = Integer.parseInt(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as a negative id
        }
        throw new InvalidInstrument(
                "'" + text + "' is not a contract id; use IB's conId, a positive whole number");
    }

    private InstrumentKind parsedKind() {
        String value = blankToNull(kind);
        if (value == null) {
            return InstrumentKind.STOCK;
        }
        try {
            return InstrumentKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInstrument(
                    "'"
                            + kind
                            + "' is not a kind of instrument; use one of "
                            + Arrays.stream(InstrumentKind.values())
                                    .map(k -> k.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", ")));
        }
    }

    /**
     * The broker would find nothing for an expired contract; saying why is kinder than "no such
     * instrument".
     */
    private static void refusePast(ContractQuery query) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate day = query.expiryDay();
        YearMonth month = query.expiryMonth();
        if (day != null
                ? day.isBefore(today)
                : month != null && month.isBefore(YearMonth.from(today))) {
            throw new InvalidInstrument("The expiry " + query.expiry() + " is in the past");
        }
    }

    private static String upper(String value) {
        String clean = blankToNull(value);
        return clean == null ? null : clean.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
