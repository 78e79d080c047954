package org.tickerdesk.instruments.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.entity.FieldError;

/**
 * An instrument as a person or a program types it, every field a string (blank for the default):
 * turned into a valid {@link Contract} and description, or refused with every field at fault at
 * once, each message saying what to fix. It checks all the database would refuse (lengths, the tick
 * size's range and scale, control characters), so a refusal is an answer, never a failed insert.
 */
public record ContractInput(
        String symbol,
        String kind,
        String exchange,
        String currency,
        String tickSize,
        String expiry,
        String description) {

    public ContractInput(
            String symbol,
            String kind,
            String exchange,
            String currency,
            String tickSize,
            String expiry) {
        this(symbol, kind, exchange, currency, tickSize, expiry, null);
    }

    /**
     * The contract, after every field (the description too) has been checked.
     *
     * @throws InvalidInstrumentException naming each field at fault
     */
    public Contract toContract() {
        List<FieldError> errors = new ArrayList<>();
        String cleanSymbol = blankToNull(symbol);
        if (cleanSymbol == null) {
            errors.add(new FieldError("symbol", "A symbol is required"));
        } else {
            cleanSymbol = cleanSymbol.toUpperCase(Locale.ROOT);
            check(errors, "symbol", Contract::checkSymbol, cleanSymbol);
        }
        InstrumentKind instrumentKind = field(errors, "kind", this::parsedKind);
        String cleanExchange = orDefault(exchange, "SMART").toUpperCase(Locale.ROOT);
        check(errors, "exchange", Contract::checkExchange, cleanExchange);
        String cleanCurrency = orDefault(currency, "USD").toUpperCase(Locale.ROOT);
        check(errors, "currency", Contract::checkCurrency, cleanCurrency);
        BigDecimal tick = field(errors, "tickSize", this::tick);
        LocalDate expiryDate = field(errors, "expiry", this::expiryDate);
        if (instrumentKind != null && errors.stream().noneMatch(e -> e.field().equals("expiry"))) {
            field(
                    errors,
                    "expiry",
                    () -> {
                        Contract.checkExpiry(instrumentKind, expiryDate);
                        return null;
                    });
        }
        field(errors, "description", () -> Instrument.cleanDescription(description));
        if (!errors.isEmpty()) {
            throw new InvalidInstrumentException(errors);
        }
        try {
            return new Contract(
                    cleanSymbol, instrumentKind, cleanExchange, cleanCurrency, tick, expiryDate);
        } catch (IllegalArgumentException e) {
            throw new InvalidInstrumentException(e.getMessage());
        }
    }

    private InstrumentKind parsedKind() {
        String value = orDefault(kind, "STOCK").toUpperCase(Locale.ROOT);
        try {
            return InstrumentKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
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
        BigDecimal tick;
        try {
            tick = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + tickSize + "' is not a tick size; use a number such as 0.01");
        }
        Contract.checkTickSize(tick);
        return tick;
    }

    private LocalDate expiryDate() {
        String value = blankToNull(expiry);
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + expiry + "' is not a date; use YYYY-MM-DD");
        }
        if (date.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw new IllegalArgumentException("The expiry " + date + " is in the past");
        }
        return date;
    }

    private <T> void check(List<FieldError> errors, String field, Consumer<T> check, T value) {
        field(
                errors,
                field,
                () -> {
                    check.accept(value);
                    return value;
                });
    }

    /** The field's value, or null with its error noted; control characters are refused first. */
    private <T> T field(List<FieldError> errors, String field, Supplier<T> parse) {
        String control = JsonFields.controlCharacterProblem(field, raw(field));
        if (control != null) {
            errors.add(new FieldError(field, control));
            return null;
        }
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private String raw(String field) {
        return switch (field) {
            case "symbol" -> symbol;
            case "kind" -> kind;
            case "exchange" -> exchange;
            case "currency" -> currency;
            case "tickSize" -> tickSize;
            case "expiry" -> expiry;
            default -> description;
        };
    }

    private static String orDefault(String value, String fallback) {
        String clean = blankToNull(value);
        return clean == null ? fallback : clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
