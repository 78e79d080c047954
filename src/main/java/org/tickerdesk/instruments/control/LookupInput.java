package org.tickerdesk.instruments.control;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A lookup as a person or a program types it, every field a string (blank for none): a contract id
 * alone, or a symbol with its kind (stock when blank) and, to narrow the answer, exchange, currency
 * and expiry. Turned into a {@link ContractQuery} or refused with what to fix.
 */
public record LookupInput(
        String conId, String symbol, String kind, String exchange, String currency, String expiry) {

    public ContractQuery toQuery() {
        refuseControlCharacters();
        String id = blankToNull(conId);
        if (id != null) {
            if (blankToNull(symbol) != null
                    || blankToNull(kind) != null
                    || blankToNull(currency) != null
                    || blankToNull(expiry) != null) {
                throw new InvalidInstrumentException(
                        "conId", "Look up either by conId or by symbol, not both");
            }
            try {
                return new ContractQuery(contractId(id), null, null, upper(exchange), null, null);
            } catch (IllegalArgumentException e) {
                throw new InvalidInstrumentException("exchange", e.getMessage());
            }
        }
        if (blankToNull(symbol) == null) {
            throw new InvalidInstrumentException("symbol", "A symbol (or a conId) is required");
        }
        InstrumentKind instrumentKind = parsedKind();
        String expiryText = blankToNull(expiry);
        check("symbol", () -> Contract.checkSymbol(symbol.strip().toUpperCase(Locale.ROOT)));
        if (upper(exchange) != null) {
            check("exchange", () -> Contract.checkExchange(upper(exchange)));
        }
        if (upper(currency) != null) {
            check("currency", () -> Contract.checkCurrency(upper(currency)));
        }
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
            throw new InvalidInstrumentException("expiry", e.getMessage());
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
        throw new InvalidInstrumentException(
                "conId",
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
            throw new InvalidInstrumentException(
                    "kind",
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
            throw new InvalidInstrumentException(
                    "expiry", "The expiry " + query.expiry() + " is in the past");
        }
    }

    private void refuseControlCharacters() {
        List<FieldError> errors = new ArrayList<>();
        String[][] fields = {
            {"conId", conId},
            {"symbol", symbol},
            {"kind", kind},
            {"exchange", exchange},
            {"currency", currency},
            {"expiry", expiry}
        };
        for (String[] field : fields) {
            String problem = JsonFields.controlCharacterProblem(field[0], field[1]);
            if (problem != null) {
                errors.add(new FieldError(field[0], problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInstrumentException(errors);
        }
    }

    private static void check(String field, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidInstrumentException(field, e.getMessage());
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
