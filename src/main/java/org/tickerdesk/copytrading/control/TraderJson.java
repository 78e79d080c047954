package org.tickerdesk.copytrading.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tickerdesk.copytrading.entity.Caps;
import org.tickerdesk.copytrading.entity.Filters;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.SizingMode;
import org.tickerdesk.copytrading.entity.Trader;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.trading.control.ExitRulesJson;
import org.tickerdesk.trading.control.InvalidPositionException;
import org.tickerdesk.trading.entity.ExitRules;

/**
 * A followed trader as the REST API, the pages and the {@code traders} stream write it, read
 * strictly: an unknown field, a value of the wrong type, a number out of range or a sizing that
 * does not fit its mode is refused, and every mistake is collected and named by its path ({@code
 * sizing.ratio}) before anything is refused.
 *
 * <pre>
 * {"name":"Alice", "feed":"webhook" | "ibkr" | "simulated",
 *  "enabled":true, "paper":false, "allocation":10000,
 *  "sizing":{"mode":"fixed","amount":1000} | {"mode":"ratio","ratio":0.5} | {"mode":"share"},
 *  "caps":{"perTrade":2000,"totalExposure":8000,"openPositions":5},
 *  "filters":{"allowed":["AAPL"],"denied":["TSLA"],"minTradeSize":100,"maxTradeSize":5000,
 *             "maxDelaySeconds":30,"maxPriceDeviationPercent":0.5},
 *  "copyExits":true, "copyStopLossPercent":20,
 *  "rules":{...the exit rules of positions...},
 *  "feedAccount":"U1234567"}
 * </pre>
 *
 * A new trader needs name, feed, allocation and sizing; the rest default to enabled, not paper, no
 * caps, no filters, exits copied, no copy stop-loss and no exit rules. {@code feedAccount}, the
 * leader's IB account code whose executions are their trades, is for feed {@code ibkr} only and
 * optional (written only when set); an edit that moves a trader off {@code ibkr} drops it. An edit
 * replaces the top-level fields it gives and keeps the others; a field given as null is cleared (an
 * optional one) or refused (a needed one). Money is a number (or a string holding one) above zero,
 * below 100 billion, with at most 8 decimals.
 */
public final class TraderJson {

    /** The settings' fields, as a POST or PUT may give them. */
    public static final Set<String> FIELDS =
            Set.of(
                    "name",
                    "feed",
                    "enabled",
                    "paper",
                    "allocation",
                    "sizing",
                    "caps",
                    "filters",
                    "copyExits",
                    "copyStopLossPercent",
                    "rules",
                    "feedAccount");

    /** Fields a GET shows that an edit may send back unchanged; {@code version} is checked. */
    public static final Set<String> READ_ONLY = Set.of("id", "createdAt", "updatedAt", "version");

    static final BigDecimal MAX_MONEY = new BigDecimal("100000000000");
    static final int MAX_DECIMALS = 8;
    static final long MAX_DELAY_SECONDS = Duration.ofDays(30).toSeconds();
    static final int MAX_OPEN_POSITIONS = 100_000;
    static final int MAX_SYMBOLS = 500;
    static final int MAX_NAME = 100;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9](?:[A-Z0-9._-]{0,30}[A-Z0-9])?");
    private static final Set<String> SIZING_FIELDS = Set.of("mode", "amount", "ratio");
    private static final Set<String> CAPS_FIELDS =
            Set.of("perTrade", "totalExposure", "openPositions");
    private static final Set<String> FILTER_FIELDS =
            Set.of(
                    "allowed",
                    "denied",
                    "minTradeSize",
                    "maxTradeSize",
                    "maxDelaySeconds",
                    "maxPriceDeviationPercent");
    private static final JsonProvider JSON = JsonProvider.provider();

    /** An edit's settings, and the version it was made from when it names one. */
    public record Edit(TraderSettings settings, Long version) {}

    private final List<FieldError> errors = new ArrayList<>();

    private TraderJson() {}

    /**
     * A new trader's settings.
     *
     * @throws InvalidTraderException naming every field at fault
     */
    public static TraderSettings create(JsonObject body) {
        TraderJson reader = new TraderJson();
        if (body == null) {
            throw new InvalidTraderException(
                    "body",
                    "The body is a trader: {\"name\":\"Alice\",\"feed\":\"webhook\","
                        + "\"allocation\":10000,\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5}}");
        }
        reader.unknown(body, FIELDS, "");
        TraderSettings settings = reader.settings(body);
        reader.refuseIfAny();
        return settings;
    }

    /**
     * The stored settings with the body's top-level fields in place of theirs.
     *
     * @param id the trader's id, which the body may repeat but not change
     * @throws InvalidTraderException naming every field at fault
     */
    public static Edit edit(long id, TraderSettings stored, JsonObject body) {
        TraderJson reader = new TraderJson();
        if (body == null) {
            throw new InvalidTraderException(
                    "body", "The body holds the fields to change: {\"allocation\":20000}");
        }
        Set<String> known = new LinkedHashSet<>(FIELDS);
        known.addAll(READ_ONLY);
        reader.unknown(body, known, "");
        JsonValue givenId = body.get("id");
        if (givenId != null
                && !(givenId instanceof JsonNumber number
                        && number.isIntegral()
                        && number.bigDecimalValue().longValue() == id)) {
            reader.error("id", "id is the trader's, " + id + ", and cannot change");
        }
        Long version = reader.whole(body, "version", 0, Long.MAX_VALUE, "version");
        JsonObjectBuilder merged = JSON.createObjectBuilder(settings(stored));
        body.forEach(
                (field, value) -> {
                    if (FIELDS.contains(field)) {
                        merged.add(field, value);
                    }
                });
        if (body.get("feed") instanceof JsonString feed
                && !feed.getString().equals("ibkr")
                && !body.containsKey("feedAccount")) {
            merged.remove("feedAccount");
        }
        TraderSettings settings = reader.settings(merged.build());
        reader.refuseIfAny();
        return new Edit(settings, version);
    }

    /** A trader as shown: its id, settings, times and version, never its secret. */
    public static JsonObject write(TraderSnapshot trader) {
        return JSON.createObjectBuilder()
                .add("id", trader.id())
                .addAll(JSON.createObjectBuilder(settings(trader.settings())))
                .add("createdAt", trader.createdAt().toString())
                .add("updatedAt", trader.updatedAt().toString())
                .add("version", trader.version())
                .build();
    }

    /** The settings alone; optional values that are not set are written as null. */
    public static JsonObject settings(TraderSettings s) {
        JsonObjectBuilder sizing =
                JSON.createObjectBuilder()
                        .add("mode", s.sizing().mode().name().toLowerCase(Locale.ROOT));
        if (s.sizing().amount() != null) {
            sizing.add("amount", plain(s.sizing().amount()));
        }
        if (s.sizing().ratio() != null) {
            sizing.add("ratio", plain(s.sizing().ratio()));
        }
        JsonObjectBuilder caps = JSON.createObjectBuilder();
        number(caps, "perTrade", s.caps().perTrade());
        number(caps, "totalExposure", s.caps().totalExposure());
        if (s.caps().openPositions() == null) {
            caps.addNull("openPositions");
        } else {
            caps.add("openPositions", s.caps().openPositions());
        }
        Filters f = s.filters();
        JsonObjectBuilder filters =
                JSON.createObjectBuilder()
                        .add("allowed", symbols(f.allowed()))
                        .add("denied", symbols(f.denied()));
        number(filters, "minTradeSize", f.minTradeSize());
        number(filters, "maxTradeSize", f.maxTradeSize());
        if (f.maxDelay() == null) {
            filters.addNull("maxDelaySeconds");
        } else {
            filters.add("maxDelaySeconds", f.maxDelay().toSeconds());
        }
        number(filters, "maxPriceDeviationPercent", f.maxPriceDeviationPercent());
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("name", s.name())
                        .add("feed", s.feed())
                        .add("enabled", s.enabled())
                        .add("paper", s.paper())
                        .add("allocation", plain(s.allocation()))
                        .add("sizing", sizing)
                        .add("caps", caps)
                        .add("filters", filters)
                        .add("copyExits", s.copyExits());
        number(json, "copyStopLossPercent", s.copyStopLossPercent());
        json.add("rules", ExitRulesJson.write(s.rules()));
        if (s.feedAccount() != null) {
            json.add("feedAccount", s.feedAccount());
        }
        return json.build();
    }

    /** The sizing as a person reads it: "fixed 1000", "ratio 0.5", "share". */
    public static String describe(Sizing sizing) {
        return switch (sizing.mode()) {
            case FIXED -> "fixed " + plain(sizing.amount()).toPlainString();
            case RATIO -> "ratio " + plain(sizing.ratio()).toPlainString();
            case SHARE -> "share";
        };
    }

    /** Without trailing zeros and never in exponent form: 10000.00000000 is 10000. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void number(JsonObjectBuilder json, String field, BigDecimal value) {
        if (value == null) {
            json.addNull(field);
        } else {
            json.add(field, plain(value));
        }
    }

    private static JsonArrayBuilder symbols(Set<String> symbols) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        new TreeSet<>(symbols).forEach(array::add);
        return array;
    }

    private TraderSettings settings(JsonObject body) {
        String name = name(body);
        String feed = feed(body);
        boolean enabled = flag(body, "enabled", "enabled", true);
        boolean paper = flag(body, "paper", "paper", false);
        BigDecimal allocation = money(body, "allocation", "allocation", true, true);
        Sizing sizing = sizing(body.get("sizing"));
        Caps caps = caps(body.get("caps"));
        Filters filters = filters(body.get("filters"));
        boolean copyExits = flag(body, "copyExits", "copyExits", true);
        BigDecimal stopLoss =
                money(body, "copyStopLossPercent", "copyStopLossPercent", false, true);
        if (stopLoss != null && stopLoss.compareTo(BigDecimal.valueOf(100)) > 0) {
            error("copyStopLossPercent", "copyStopLossPercent is at most 100, not " + stopLoss);
        }
        ExitRules rules = rules(body.get("rules"));
        String feedAccount = feedAccount(body, feed);
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return new TraderSettings(
                    name,
                    feed,
                    enabled,
                    paper,
                    allocation,
                    sizing,
                    caps,
                    filters,
                    copyExits,
                    stopLoss,
                    rules,
                    feedAccount);
        } catch (IllegalArgumentException | NullPointerException e) {
            error("body", e.getMessage());
            return null;
        }
    }

    private String name(JsonObject body) {
        String name = text(body, "name", "name");
        if (name == null) {
            if (isNullOrAbsent(body.get("name"))) {
                error("name", "name is needed: 1 to " + MAX_NAME + " characters");
            }
            return null;
        }
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            error("name", "name is 1 to " + MAX_NAME + " characters, not " + name.length());
            return null;
        }
        return stripped;
    }

    private String feed(JsonObject body) {
        String feed = text(body, "feed", "feed");
        String known = String.join(", ", new TreeSet<>(Trader.FEEDS));
        if (feed == null) {
            if (isNullOrAbsent(body.get("feed"))) {
                error("feed", "feed is needed: one of " + known);
            }
            return null;
        }
        if (!Trader.FEEDS.contains(feed)) {
            error("feed", "feed is one of " + known + ", not '" + shown(feed) + "'");
            return null;
        }
        return feed;
    }

    private String feedAccount(JsonObject body, String feed) {
        String account = text(body, "feedAccount", "feedAccount");
        if (account == null) {
            return null;
        }
        if (feed != null && !feed.equals("ibkr")) {
            error(
                    "feedAccount",
                    "feedAccount is only for feed ibkr (the leader's IB account), not for " + feed);
            return null;
        }
        if (!TraderSettings.ACCOUNT.matcher(account).matches()) {
            error(
                    "feedAccount",
                    "feedAccount is an IB account code such as U1234567, not '"
                            + shown(account)
                            + "'");
            return null;
        }
        return account;
    }

    private Sizing sizing(JsonValue value) {
        JsonObject sizing = object(value, "sizing", true, "{\"mode\":\"ratio\",\"ratio\":0.5}");
        if (sizing == null) {
            return null;
        }
        unknown(sizing, SIZING_FIELDS, "sizing.");
        String text = text(sizing, "mode", "sizing.mode");
        BigDecimal amount = money(sizing, "amount", "sizing.amount", false, true);
        BigDecimal ratio = money(sizing, "ratio", "sizing.ratio", false, true);
        if (text == null) {
            if (isNullOrAbsent(sizing.get("mode"))) {
                error("sizing.mode", "sizing.mode is needed: fixed, ratio or share");
            }
            return null;
        }
        SizingMode mode;
        try {
            mode = SizingMode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error("sizing.mode", "sizing.mode is fixed, ratio or share, not '" + shown(text) + "'");
            return null;
        }
        fits(mode == SizingMode.FIXED, sizing, "amount", amount, mode);
        fits(mode == SizingMode.RATIO, sizing, "ratio", ratio, mode);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Sizing(mode, amount, ratio);
    }

    private void fits(
            boolean needed, JsonObject sizing, String field, BigDecimal value, SizingMode mode) {
        String mode2 = mode.name().toLowerCase(Locale.ROOT);
        if (needed && value == null && isNullOrAbsent(sizing.get(field))) {
            error("sizing." + field, "sizing." + field + " is needed for sizing " + mode2);
        }
        if (!needed && !isNullOrAbsent(sizing.get(field))) {
            error("sizing." + field, "sizing." + field + " does not apply to sizing " + mode2);
        }
    }

    private Caps caps(JsonValue value) {
        JsonObject caps = object(value, "caps", false, "{\"perTrade\":2000}");
        if (caps == null) {
            return Caps.NONE;
        }
        unknown(caps, CAPS_FIELDS, "caps.");
        BigDecimal perTrade = money(caps, "perTrade", "caps.perTrade", false, true);
        BigDecimal total = money(caps, "totalExposure", "caps.totalExposure", false, true);
        Long open = whole(caps, "openPositions", 1, MAX_OPEN_POSITIONS, "caps.openPositions");
        if (!errors.isEmpty()) {
            return null;
        }
        return new Caps(perTrade, total, open == null ? null : open.intValue());
    }

    private Filters filters(JsonValue value) {
        JsonObject filters = object(value, "filters", false, "{\"denied\":[\"TSLA\"]}");
        if (filters == null) {
            return Filters.NONE;
        }
        unknown(filters, FILTER_FIELDS, "filters.");
        Set<String> allowed = symbols(filters, "allowed");
        Set<String> denied = symbols(filters, "denied");
        BigDecimal min = money(filters, "minTradeSize", "filters.minTradeSize", false, false);
        BigDecimal max = money(filters, "maxTradeSize", "filters.maxTradeSize", false, true);
        Long delay =
                whole(filters, "maxDelaySeconds", 1, MAX_DELAY_SECONDS, "filters.maxDelaySeconds");
        BigDecimal deviation =
                money(
                        filters,
                        "maxPriceDeviationPercent",
                        "filters.maxPriceDeviationPercent",
                        false,
                        true);
        if (allowed != null && denied != null) {
            Set<String> both = new TreeSet<>(allowed);
            both.retainAll(denied);
            if (!both.isEmpty()) {
                error("filters.denied", "filters.denied names symbols also allowed: " + both);
            }
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            error(
                    "filters.minTradeSize",
                    "filters.minTradeSize "
                            + plain(min).toPlainString()
                            + " is above filters.maxTradeSize "
                            + plain(max).toPlainString());
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Filters(
                allowed,
                denied,
                min,
                max,
                delay == null ? null : Duration.ofSeconds(delay),
                deviation);
    }

    private Set<String> symbols(JsonObject filters, String field) {
        String path = "filters." + field;
        JsonValue value = filters.get(field);
        if (isNullOrAbsent(value)) {
            return Set.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            error(path, path + " is an array of symbols, not " + kind(value));
            return null;
        }
        if (value.asJsonArray().size() > MAX_SYMBOLS) {
            error(path, path + " has at most " + MAX_SYMBOLS + " symbols");
            return null;
        }
        Set<String> symbols = new TreeSet<>();
        for (JsonValue item : value.asJsonArray()) {
            String symbol =
                    item instanceof JsonString s
                            ? s.getString().strip().toUpperCase(Locale.ROOT)
                            : null;
            if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
                error(
                        path,
                        path
                                + " holds symbols (letters, digits, '.', '-' or '_'), not "
                                + (item instanceof JsonString s
                                        ? "'" + shown(s.getString()) + "'"
                                        : kind(item)));
                return null;
            }
            symbols.add(symbol);
        }
        return symbols;
    }

    private ExitRules rules(JsonValue value) {
        try {
            return ExitRulesJson.read(value, "rules");
        } catch (InvalidPositionException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private JsonObject object(JsonValue value, String path, boolean needed, String example) {
        if (isNullOrAbsent(value)) {
            if (needed) {
                error(path, path + " is needed, such as " + example);
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            error(path, path + " is an object, such as " + example + ", not " + kind(value));
            return null;
        }
        return value.asJsonObject();
    }

    private String text(JsonObject body, String field, String path) {
        JsonValue value = body.get(field);
        if (isNullOrAbsent(value)) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            error(path, path + " is a string, not " + kind(value));
            return null;
        }
        if (string.getString().chars().anyMatch(Character::isISOControl)) {
            error(path, path + " must not contain control characters");
            return null;
        }
        return string.getString();
    }

    private boolean flag(JsonObject body, String field, String path, boolean otherwise) {
        JsonValue value = body.get(field);
        if (value == null) {
            return otherwise;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        error(path, path + " is true or false, not " + kind(value));
        return otherwise;
    }

    /**
     * Money or a percentage: a number, or a string holding one, at most {@value #MAX_DECIMALS}
     * decimals and below {@link #MAX_MONEY}; above zero when {@code positive}, else zero or more.
     */
    private BigDecimal money(
            JsonObject body, String field, String path, boolean needed, boolean positive) {
        JsonValue value = body.get(field);
        if (isNullOrAbsent(value)) {
            if (needed) {
                error(path, path + " is needed: a number above zero");
            }
            return null;
        }
        BigDecimal number;
        if (value instanceof JsonNumber n) {
            number = n.bigDecimalValue();
        } else if (value instanceof JsonString s) {
            try {
                number = new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                error(path, path + " is a number, not '" + shown(s.getString()) + "'");
                return null;
            }
        } else {
            error(path, path + " is a number, not " + kind(value));
            return null;
        }
        if (positive ? number.signum() <= 0 : number.signum() < 0) {
            error(
                    path,
                    path
                            + (positive ? " must be above zero" : " must not be negative")
                            + ", not "
                            + number.toPlainString());
            return null;
        }
        if (number.compareTo(MAX_MONEY) >= 0) {
            error(path, path + " must be below " + MAX_MONEY.toPlainString());
            return null;
        }
        BigDecimal plain = plain(number);
        if (plain.scale() > MAX_DECIMALS) {
            error(path, path + " has at most " + MAX_DECIMALS + " decimals");
            return null;
        }
        return plain;
    }

    private Long whole(JsonObject body, String field, long min, long max, String path) {
        JsonValue value = body.get(field);
        if (isNullOrAbsent(value)) {
            return null;
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            BigDecimal number = n.bigDecimalValue();
            if (number.compareTo(BigDecimal.valueOf(min)) >= 0
                    && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return number.longValueExact();
            }
        }
        error(
                path,
                path
                        + " is a whole number from "
                        + min
                        + (max == Long.MAX_VALUE ? " up" : " to " + max)
                        + ", not "
                        + (value instanceof JsonNumber ? value.toString() : kind(value)));
        return null;
    }

    private void unknown(JsonObject body, Set<String> known, String prefix) {
        body.keySet().stream()
                .filter(k -> !known.contains(k))
                .sorted()
                .forEach(
                        k ->
                                error(
                                        prefix + k,
                                        "Unknown field '"
                                                + shown(prefix + k)
                                                + "'; the fields are "
                                                + String.join(", ", new TreeSet<>(known))));
    }

    private static boolean isNullOrAbsent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    /** Text from the caller, bounded, as it may be quoted back. */
    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private void refuseIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidTraderException(List.copyOf(errors));
        }
    }
}
