package org.tickerdesk.history.control;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A collection as a caller typed it, every field a string (null or blank for its default), turned
 * into a checked {@link CollectionRequest} or refused with every reason at once, each naming its
 * field. Instants are ISO-8601 ({@code 2024-01-02T00:00:00Z}) or a date ({@code 2024-01-02},
 * midnight UTC); {@code to} may be {@code now}. Defaults: series TRADES, regular hours only, not
 * incremental, not only gaps; an incremental collection may leave out {@code from}.
 */
public final class CollectionInput {

    public static final int MAX_INSTRUMENTS = 200;

    private final List<FieldError> errors = new ArrayList<>();

    private CollectionInput() {}

    public static CollectionRequest request(
            String source,
            List<String> instruments,
            String barSize,
            String from,
            String to,
            String incremental,
            String gapsOnly,
            String whatToShow,
            String rthOnly,
            Long upload) {
        CollectionInput in = new CollectionInput();
        HistorySourceName src =
                in.required("source", source, "simulated", HistorySourceName::parse);
        List<String> symbols = in.symbols(instruments);
        BarSize size = in.required("barSize", barSize, "1m or 1d", BarSize::parse);
        boolean upToNow = to != null && to.strip().equalsIgnoreCase("now");
        boolean incr = in.optional("incremental", incremental, false, CollectionInput::flag);
        Instant start = in.optional("from", from, null, text -> instant("from", text));
        Instant end = upToNow ? null : in.optional("to", to, null, text -> instant("to", text));
        if (!upToNow && blank(to)) {
            in.errors.add(new FieldError("to", "'to' is required: an instant, or \"now\""));
        }
        if (start == null && !incr && blank(from)) {
            in.errors.add(
                    new FieldError(
                            "from", "'from' is required unless the collection is incremental"));
        }
        if (start != null && end != null && !start.isBefore(end)) {
            in.errors.add(new FieldError("to", "'to' " + end + " must be after 'from' " + start));
        }
        boolean gaps = in.optional("gapsOnly", gapsOnly, false, CollectionInput::flag);
        if (gaps && incr) {
            in.errors.add(
                    new FieldError(
                            "gapsOnly", "A collection fills gaps or runs incrementally, not both"));
        }
        WhatToShow series =
                in.optional("whatToShow", whatToShow, WhatToShow.TRADES, WhatToShow::parse);
        boolean rth = in.optional("rthOnly", rthOnly, true, CollectionInput::flag);
        if (src == HistorySourceName.CSV && upload == null) {
            in.errors.add(
                    new FieldError("source", "A csv collection is started by uploading its file"));
        }
        if (!in.errors.isEmpty()) {
            throw HistoryFailureException.invalid(in.errors);
        }
        return new CollectionRequest(
                src, symbols, size, start, end, incr, gaps, series, rth, upload);
    }

    private List<String> symbols(List<String> instruments) {
        if (instruments == null || instruments.isEmpty()) {
            errors.add(
                    new FieldError("instruments", "Name at least one instrument, e.g. [\"AAPL\"]"));
            return List.of();
        }
        if (instruments.size() > MAX_INSTRUMENTS) {
            errors.add(
                    new FieldError(
                            "instruments",
                            instruments.size()
                                    + " instruments are more than the "
                                    + MAX_INSTRUMENTS
                                    + " one collection may have"));
            return List.of();
        }
        List<String> symbols = new ArrayList<>();
        for (String raw : instruments) {
            String symbol = raw == null ? "" : raw.strip();
            if (!Contract.SYMBOL.matcher(symbol).matches()) {
                errors.add(
                        new FieldError(
                                "instruments",
                                "'"
                                        + raw
                                        + "' is not a symbol: use upper-case letters and digits,"
                                        + " e.g. AAPL or BRK.B"));
            } else {
                symbols.add(symbol);
            }
        }
        return symbols;
    }

    private <T> T required(String field, String text, String example, Function<String, T> parse) {
        if (blank(text)) {
            errors.add(new FieldError(field, "'" + field + "' is required, e.g. " + example));
            return null;
        }
        return parsed(field, text.strip(), parse);
    }

    private <T> T optional(String field, String text, T fallback, Function<String, T> parse) {
        if (blank(text)) {
            return fallback;
        }
        T value = parsed(field, text.strip(), parse);
        return value == null ? fallback : value;
    }

    private <T> T parsed(String field, String text, Function<String, T> parse) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static Instant instant(String field, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "'"
                            + field
                            + "' must be an ISO-8601 instant such as 2024-01-02T00:00:00Z or a date"
                            + " such as 2024-01-02, not '"
                            + text
                            + "'");
        }
    }

    static Boolean flag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }
}
