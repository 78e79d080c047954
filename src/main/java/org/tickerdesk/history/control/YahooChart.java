package org.tickerdesk.history.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.SkippedBar;
import org.tickerdesk.history.entity.SourceBars;

/**
 * The answer of Yahoo Finance's chart endpoint, read: its error, or the bars of its first result.
 *
 * <p>The bars are {@code chart.result[0].timestamp[]} with {@code
 * indicators.quote[0].open/high/low/close/volume[]} at the same index. Yahoo sends a price as the
 * double of a float (189.10000610351562), so prices are rounded to the decimals its {@code
 * meta.priceHint} names (2 for most stocks), which gives back the price as traded; without a hint
 * they keep eight, as many as the bars table holds. Yahoo's daily, weekly and monthly bars are
 * timed at the exchange's opening time; they are stored as the other sources store theirs, at 00:00
 * UTC of their trading date in the exchange's zone ({@code meta.exchangeTimezoneName}, else {@code
 * meta.gmtoffset}). An entry without open, high, low or close (Yahoo sends null for a minute nobody
 * traded) is skipped and says which it lacks; one without volume is kept without it. Yahoo's daily
 * prices are adjusted for splits, not for dividends ({@code adjclose} is not read).
 */
final class YahooChart {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The {@code chart.error} Yahoo sends instead of a result. */
    record Error(String code, String description) {

        /** Yahoo's way of saying the symbol is unknown (or delisted). */
        boolean isNotFound() {
            return "Not Found".equalsIgnoreCase(code);
        }

        /** Yahoo's way of saying a range holds no data, which is an empty window. */
        boolean isNoDataInRange() {
            return description.startsWith("Data doesn't exist for startDate");
        }
    }

    private static final int STORED_DECIMALS = 8;

    private final JsonObject chart;

    private YahooChart(JsonObject chart) {
        this.chart = chart;
    }

    /**
     * The chart in a body that is JSON; an {@link IllegalArgumentException} saying so for anything
     * else (an HTML page, an empty body, JSON without a chart).
     */
    static YahooChart parse(String body) {
        JsonValue root;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            root = reader.readValue();
        } catch (JsonException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (root.getValueType() != JsonValue.ValueType.OBJECT
                || !(root.asJsonObject().get("chart") instanceof JsonObject chart)) {
            throw new IllegalArgumentException("the JSON has no chart");
        }
        return new YahooChart(chart);
    }

    Optional<Error> error() {
        if (!(chart.get("error") instanceof JsonObject error)) {
            return Optional.empty();
        }
        return Optional.of(new Error(text(error, "code"), text(error, "description")));
    }

    /**
     * The bars starting inside [from, to), those that cannot be stored with their reasons; an
     * {@link IllegalArgumentException} when the result is not shaped as a chart is.
     */
    SourceBars bars(Instant from, Instant to, boolean daily) {
        JsonObject result = firstResult();
        if (!(result.get("timestamp") instanceof JsonArray timestamps) || timestamps.isEmpty()) {
            return SourceBars.none();
        }
        JsonObject meta = object(result, "meta");
        int decimals = decimals(meta);
        ZoneId zone = zone(meta);
        JsonObject quote = firstQuote(result);
        JsonArray opens = array(quote, "open");
        JsonArray highs = array(quote, "high");
        JsonArray lows = array(quote, "low");
        JsonArray closes = array(quote, "close");
        JsonArray volumes = array(quote, "volume");
        List<Bar> bars = new ArrayList<>();
        List<SkippedBar> skipped = new ArrayList<>();
        for (int i = 0; i < timestamps.size(); i++) {
            if (!(timestamps.get(i) instanceof JsonNumber seconds)) {
                skipped.add(new SkippedBar("entry " + i, "Yahoo sent no time"));
                continue;
            }
            Instant at = Instant.ofEpochSecond(seconds.longValue());
            Instant start = daily ? tradingDate(at, zone) : at;
            if (start.isBefore(from) || !start.isBefore(to)) {
                continue;
            }
            String where = "bar at " + start;
            BigDecimal open = number(opens, i, decimals);
            BigDecimal high = number(highs, i, decimals);
            BigDecimal low = number(lows, i, decimals);
            BigDecimal close = number(closes, i, decimals);
            List<String> missing = new ArrayList<>();
            addIfNull(missing, "open", open);
            addIfNull(missing, "high", high);
            addIfNull(missing, "low", low);
            addIfNull(missing, "close", close);
            if (!missing.isEmpty()) {
                skipped.add(new SkippedBar(where, "Yahoo sent no " + String.join(", ", missing)));
                continue;
            }
            BigDecimal volume = number(volumes, i, 0);
            try {
                bars.add(new Bar(start, open, high, low, close, volume, null, null));
            } catch (IllegalArgumentException e) {
                String prefix = "Bar at " + start + ": ";
                String reason = e.getMessage();
                skipped.add(
                        new SkippedBar(
                                where,
                                reason.startsWith(prefix)
                                        ? reason.substring(prefix.length())
                                        : reason));
            }
        }
        return new SourceBars(bars, skipped);
    }

    private JsonObject firstResult() {
        if (!(chart.get("result") instanceof JsonArray results)
                || results.isEmpty()
                || !(results.get(0) instanceof JsonObject result)) {
            throw new IllegalArgumentException("the chart has neither a result nor an error");
        }
        return result;
    }

    private static JsonObject firstQuote(JsonObject result) {
        if (result.get("indicators") instanceof JsonObject indicators
                && indicators.get("quote") instanceof JsonArray quotes
                && !quotes.isEmpty()
                && quotes.get(0) instanceof JsonObject quote) {
            return quote;
        }
        throw new IllegalArgumentException("the chart has times but no indicators.quote");
    }

    /** 00:00 UTC of the date the exchange traded on at that instant. */
    private static Instant tradingDate(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static ZoneId zone(JsonObject meta) {
        if (meta.get("exchangeTimezoneName") instanceof JsonString name) {
            try {
                return ZoneId.of(name.getString());
            } catch (DateTimeException e) {
                // an unknown zone name: the offset below is the next best
            }
        }
        if (meta.get("gmtoffset") instanceof JsonNumber offset) {
            try {
                return ZoneOffset.ofTotalSeconds(offset.intValue());
            } catch (DateTimeException e) {
                // an offset beyond ±18 h is not an exchange's: UTC is the next best
            }
        }
        return ZoneOffset.UTC;
    }

    private static int decimals(JsonObject meta) {
        if (meta.get("priceHint") instanceof JsonNumber hint
                && hint.isIntegral()
                && hint.intValue() >= 0
                && hint.intValue() <= STORED_DECIMALS) {
            return hint.intValue();
        }
        return STORED_DECIMALS;
    }

    private static BigDecimal number(JsonArray values, int i, int decimals) {
        if (values == null || i >= values.size() || !(values.get(i) instanceof JsonNumber n)) {
            return null;
        }
        return n.bigDecimalValue().setScale(decimals, RoundingMode.HALF_UP);
    }

    private static void addIfNull(List<String> missing, String name, BigDecimal value) {
        if (value == null) {
            missing.add(name);
        }
    }

    private static JsonObject object(JsonObject parent, String name) {
        return parent.get(name) instanceof JsonObject child ? child : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonArray array(JsonObject parent, String name) {
        return parent.get(name) instanceof JsonArray array ? array : null;
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value == null || value == JsonValue.NULL ? "" : value.toString();
    }
}
