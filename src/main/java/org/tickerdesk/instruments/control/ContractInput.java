package org.tickerdesk.instruments.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * A contract as a person or a program types it, every field a string (blank for the default):
 * turned into a valid {@link Contract} or refused with a message that says what to fix.
 */
public record ContractInput(
        String symbol,
        String kind,
        String exchange,
        String currency,
        String tickSize,
        String expiry) {

    public Contract toContract() {
        String cleanSymbol = blankToNull(symbol);
        if (cleanSymbol == null) {
            throw new InvalidInstrument("A symbol is required");
        }
        InstrumentKind instrumentKind = parsedKind();
        LocalDate expiryDate = expiryDate();
        if (expiryDate != null && expiryDate.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw new InvalidInstrument("The expiry " + expiryDate + " is in the past");
        }
        try {
            return new Contract(
                    cleanSymbol.toUpperCase(Locale.ROOT),
                    instrumentKind,
                    orDefault(exchange, "SMART").toUpperCase(Locale.ROOT),
                    orDefault(currency, "USD").toUpperCase(Locale.ROOT),
                    tick(),
                    expiryDate);
        } catch (IllegalArgumentException e) {
            throw new InvalidInstrument(e.getMessage());
        }
    }

    private InstrumentKind parsedKind() {
        String value = orDefault(kind, "STOCK").toUpperCase(Locale.ROOT);
        try {
            return InstrumentKind.valueOf(value);
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

    private BigDecimal tick() {
        String value = orDefault(tickSize, "0.01");
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidInstrument(
                    "'" + tickSize + "' is not a tick size; use a number such as 0.01");
        }
    }

    private LocalDate expiryDate() {
        String value = blankToNull(expiry);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInstrument("'" + expiry + "' is not a date; use YYYY-MM-DD");
        }
    }

    private static String orDefault(String value, String fallback) {
        String clean = blankToNull(value);
        return clean == null ? fallback : clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
