package org.tickerdesk.trading.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.trading.entity.BrokerProtection;
import org.tickerdesk.trading.entity.ExitOrder;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.Offset;
import org.tickerdesk.trading.entity.RoiStep;
import org.tickerdesk.trading.entity.TakeProfitStep;
import org.tickerdesk.trading.entity.Trailing;
import org.tickerdesk.trading.entity.TriggerPrice;

/**
 * Exit rules as the REST API, the pages and the database write them, read strictly: every mistake
 * is collected and named by its path ({@code rules.stopLoss.percent}) before anything is refused.
 *
 * <pre>
 * {"stopLoss":{"percent":2} | {"amount":1.5} | {"price":170},
 *  "breakEvenPercent":3,
 *  "trailing":{"percent":1,"activationPercent":2},
 *  "takeProfit":{"percent":5} | [{"percent":5,"fraction":0.5},{"percent":10,"fraction":0.5}],
 *  "timeLimit":"PT4H",
 *  "roi":{"0":4,"30":2,"60":0},
 *  "triggerPrice":"LAST" | "CLOSING_SIDE" | "MID",
 *  "exitOrder":{"type":"MARKET"} | {"type":"LIMIT","offsetPercent":0.1,"fallbackSeconds":5},
 *  "brokerProtection":"NONE" | "STOP" | "OCA"}
 * </pre>
 */
public final class ExitRulesJson {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Set<String> FIELDS =
            Set.of(
                    "stopLoss",
                    "breakEvenPercent",
                    "trailing",
                    "takeProfit",
                    "timeLimit",
                    "roi",
                    "triggerPrice",
                    "exitOrder",
                    "brokerProtection");

    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();

    private ExitRulesJson(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The rules in {@code json}; {@code prefix} names it in errors ({@code rules}).
     *
     * @throws InvalidPositionException naming every field at fault
     */
    public static ExitRules read(JsonValue json, String prefix) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return ExitRules.NONE;
        }
        ExitRulesJson reader = new ExitRulesJson(prefix);
        if (json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidPositionException(prefix, prefix + " must be a JSON object");
        }
        ExitRules rules = reader.rules(json.asJsonObject());
        if (!reader.errors.isEmpty()) {
            throw new InvalidPositionException(reader.errors);
        }
        return rules;
    }

    /** Rules stored by {@link #write}. */
    public static ExitRules read(String stored) {
        try (var reader = JSON.createReader(new StringReader(stored))) {
            return read(reader.readObject(), "rules");
        }
    }

    private ExitRules rules(JsonObject body) {
        body.keySet().stream()
                .filter(k -> !FIELDS.contains(k))
                .sorted()
                .forEach(
                        k -> error(k, "unknown field; the rules are " + String.join(", ", FIELDS)));
        Offset stop = offset(body, "stopLoss", true);
        Double breakEven = positive(body, "breakEvenPercent");
        Trailing trailing = trailing(body);
        List<TakeProfitStep> ladder = ladder(body);
        Duration timeLimit = duration(body);
        List<RoiStep> roi = roi(body);
        TriggerPrice trigger = choice(body, "triggerPrice", TriggerPrice.class, TriggerPrice.LAST);
        ExitOrder exitOrder = exitOrder(body);
        BrokerProtection protection =
                choice(body, "brokerProtection", BrokerProtection.class, BrokerProtection.NONE);
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return new ExitRules(
                    stop,
                    breakEven,
                    trailing,
                    ladder,
                    timeLimit,
                    roi,
                    trigger,
                    exitOrder,
                    protection);
        } catch (IllegalArgumentException e) {
            error(null, e.getMessage());
            return null;
        }
    }

    private Offset offset(JsonObject body, String field, boolean pricesAllowed) {
        if (!body.containsKey(field) || body.isNull(field)) {
            return null;
        }
        if (body.get(field).getValueType() != JsonValue.ValueType.OBJECT) {
            error(
                    field,
                    "must be an object with percent, amount" + (pricesAllowed ? " or price" : ""));
            return null;
        }
        return offsetOf(body.getJsonObject(field), field, pricesAllowed, Set.of());
    }

    private Offset offsetOf(JsonObject o, String path, boolean pricesAllowed, Set<String> extra) {
        List<String> known = new ArrayList<>(List.of("percent", "amount"));
        if (pricesAllowed) {
            known.add("price");
        }
        known.addAll(extra);
        o.keySet().stream()
                .filter(k -> !known.contains(k))
                .sorted()
                .forEach(k -> error(path + "." + k, "unknown field; give one of " + known));
        Double percent = positive(o, "percent", path);
        Double amount = positive(o, "amount", path);
        Double price = pricesAllowed ? positive(o, "price", path) : null;
        int given = (percent != null ? 1 : 0) + (amount != null ? 1 : 0) + (price != null ? 1 : 0);
        if (given != 1) {
            error(
                    path,
                    "give exactly one of "
                            + String.join(", ", known.subList(0, pricesAllowed ? 3 : 2)));
            return null;
        }
        try {
            return new Offset(percent, amount, price);
        } catch (IllegalArgumentException e) {
            error(path, e.getMessage());
            return null;
        }
    }

    private Trailing trailing(JsonObject body) {
        if (!body.containsKey("trailing") || body.isNull("trailing")) {
            return null;
        }
        if (body.get("trailing").getValueType() != JsonValue.ValueType.OBJECT) {
            error("trailing", "must be an object: {\"percent\":1,\"activationPercent\":2}");
            return null;
        }
        JsonObject o = body.getJsonObject("trailing");
        Offset distance = offsetOf(o, "trailing", false, Set.of("activationPercent"));
        Double activation = number(o, "activationPercent", "trailing");
        if (activation != null && activation < 0) {
            error("trailing.activationPercent", "must be 0 or more");
            return null;
        }
        return distance == null ? null : new Trailing(distance, activation);
    }

    private List<TakeProfitStep> ladder(JsonObject body) {
        if (!body.containsKey("takeProfit") || body.isNull("takeProfit")) {
            return List.of();
        }
        JsonValue value = body.get("takeProfit");
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            Offset gain = offsetOf(value.asJsonObject(), "takeProfit", true, Set.of());
            return gain == null ? List.of() : List.of(new TakeProfitStep(gain, 1));
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
            error("takeProfit", "must be an object or a non-empty array of rungs");
            return List.of();
        }
        JsonArray rungs = value.asJsonArray();
        List<TakeProfitStep> ladder = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < rungs.size(); i++) {
            String path = "takeProfit[" + i + "]";
            if (rungs.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                error(path, "must be an object such as {\"percent\":5,\"fraction\":0.5}");
                continue;
            }
            JsonObject rung = rungs.getJsonObject(i);
            Offset gain = offsetOf(rung, path, true, Set.of("fraction"));
            Double fraction = number(rung, "fraction", path);
            if (fraction == null || !(fraction > 0 && fraction <= 1)) {
                error(path + ".fraction", "must be above 0 and at most 1");
                continue;
            }
            total += fraction;
            if (gain != null) {
                ladder.add(new TakeProfitStep(gain, fraction));
            }
        }
        if (total > 1 + 1e-9) {
            error("takeProfit", "the rungs' fractions add up to " + total + ", more than 1");
        }
        return ladder;
    }

    private Duration duration(JsonObject body) {
        if (!body.containsKey("timeLimit") || body.isNull("timeLimit")) {
            return null;
        }
        if (!(body.get("timeLimit") instanceof JsonString text)) {
            error("timeLimit", "must be an ISO-8601 duration such as \"PT4H\"");
            return null;
        }
        try {
            Duration limit = Duration.parse(text.getString());
            if (limit.isZero() || limit.isNegative()) {
                error("timeLimit", "must be longer than zero");
                return null;
            }
            return limit;
        } catch (DateTimeParseException e) {
            error("timeLimit", "must be an ISO-8601 duration such as \"PT4H\", not " + text);
            return null;
        }
    }

    private List<RoiStep> roi(JsonObject body) {
        if (!body.containsKey("roi") || body.isNull("roi")) {
            return List.of();
        }
        if (body.get("roi").getValueType() != JsonValue.ValueType.OBJECT) {
            error("roi", "must be an object of minutes held to minimum profit percent: {\"0\":4}");
            return List.of();
        }
        List<RoiStep> steps = new ArrayList<>();
        for (Map.Entry<String, JsonValue> row : body.getJsonObject("roi").entrySet()) {
            String path = "roi." + row.getKey();
            long minutes;
            try {
                minutes = Long.parseLong(row.getKey());
            } catch (NumberFormatException e) {
                error(path, "a key is whole minutes held, 0 or more");
                continue;
            }
            if (minutes < 0
                    || !(row.getValue() instanceof JsonNumber profit)
                    || !Double.isFinite(profit.doubleValue())) {
                error(path, "minutes 0 or more to a minimum profit percent (a number)");
                continue;
            }
            steps.add(new RoiStep(minutes, profit.doubleValue()));
        }
        return steps;
    }

    private ExitOrder exitOrder(JsonObject body) {
        if (!body.containsKey("exitOrder") || body.isNull("exitOrder")) {
            return ExitOrder.MARKET;
        }
        if (body.get("exitOrder").getValueType() != JsonValue.ValueType.OBJECT) {
            error(
                    "exitOrder",
                    "must be an object: {\"type\":\"MARKET\"} or LIMIT with offsetPercent and"
                            + " fallbackSeconds");
            return ExitOrder.MARKET;
        }
        JsonObject o = body.getJsonObject("exitOrder");
        o.keySet().stream()
                .filter(k -> !Set.of("type", "offsetPercent", "fallbackSeconds").contains(k))
                .sorted()
                .forEach(k -> error("exitOrder." + k, "unknown field"));
        String type = o.get("type") instanceof JsonString s ? s.getString() : null;
        if ("MARKET".equals(type)) {
            if (o.containsKey("offsetPercent") || o.containsKey("fallbackSeconds")) {
                error("exitOrder", "a MARKET exit takes no offsetPercent or fallbackSeconds");
            }
            return ExitOrder.MARKET;
        }
        if (!"LIMIT".equals(type)) {
            error("exitOrder.type", "must be MARKET or LIMIT");
            return ExitOrder.MARKET;
        }
        Double offset = number(o, "offsetPercent", "exitOrder");
        Double fallback = number(o, "fallbackSeconds", "exitOrder");
        if (offset == null || fallback == null || fallback != Math.rint(fallback)) {
            error("exitOrder", "a LIMIT exit needs offsetPercent and whole fallbackSeconds");
            return ExitOrder.MARKET;
        }
        try {
            return new ExitOrder(offset, fallback.intValue());
        } catch (IllegalArgumentException e) {
            error("exitOrder", e.getMessage());
            return ExitOrder.MARKET;
        }
    }

    private <E extends Enum<E>> E choice(JsonObject body, String field, Class<E> type, E absent) {
        if (!body.containsKey(field) || body.isNull(field)) {
            return absent;
        }
        E[] values = type.getEnumConstants();
        if (body.get(field) instanceof JsonString text) {
            for (E value : values) {
                if (value.name().equals(text.getString().toUpperCase(Locale.ROOT))) {
                    return value;
                }
            }
        }
        error(field, "must be one of " + List.of(values));
        return absent;
    }

    private Double positive(JsonObject o, String field) {
        return positive(o, field, null);
    }

    private Double positive(JsonObject o, String field, String path) {
        Double value = number(o, field, path);
        if (value != null && !(value > 0)) {
            error(join(path, field), "must be above zero");
            return null;
        }
        return value;
    }

    private Double number(JsonObject o, String field, String path) {
        if (!o.containsKey(field) || o.isNull(field)) {
            return null;
        }
        if (!(o.get(field) instanceof JsonNumber n) || !Double.isFinite(n.doubleValue())) {
            error(join(path, field), "must be a number");
            return null;
        }
        return n.doubleValue();
    }

    private static String join(String path, String field) {
        return path == null ? field : path + "." + field;
    }

    private void error(String field, String message) {
        String path = field == null ? prefix : prefix + "." + field;
        errors.add(new FieldError(path, path + " " + message));
    }

    /** The rules as JSON, in the shape {@link #read} takes. */
    public static JsonObject write(ExitRules rules) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        if (rules.stopLoss() != null) {
            o.add("stopLoss", offset(rules.stopLoss()));
        }
        if (rules.breakEvenPercent() != null) {
            o.add("breakEvenPercent", rules.breakEvenPercent());
        }
        if (rules.trailing() != null) {
            JsonObjectBuilder t = JSON.createObjectBuilder(offset(rules.trailing().distance()));
            if (rules.trailing().activationPercent() != null) {
                t.add("activationPercent", rules.trailing().activationPercent());
            }
            o.add("trailing", t);
        }
        if (!rules.takeProfit().isEmpty()) {
            JsonArrayBuilder ladder = JSON.createArrayBuilder();
            for (TakeProfitStep step : rules.takeProfit()) {
                ladder.add(
                        JSON.createObjectBuilder(offset(step.gain()))
                                .add("fraction", step.fraction()));
            }
            o.add("takeProfit", ladder);
        }
        if (rules.timeLimit() != null) {
            o.add("timeLimit", rules.timeLimit().toString());
        }
        if (!rules.roi().isEmpty()) {
            JsonObjectBuilder roi = JSON.createObjectBuilder();
            for (RoiStep step : rules.roi()) {
                roi.add(Long.toString(step.minutes()), step.minimumProfitPercent());
            }
            o.add("roi", roi);
        }
        o.add("triggerPrice", rules.triggerPrice().name());
        ExitOrder exit = rules.exitOrder();
        o.add(
                "exitOrder",
                exit.isMarket()
                        ? JSON.createObjectBuilder().add("type", "MARKET")
                        : JSON.createObjectBuilder()
                                .add("type", "LIMIT")
                                .add("offsetPercent", exit.limitOffsetPercent())
                                .add("fallbackSeconds", exit.fallbackSeconds()));
        o.add("brokerProtection", rules.protection().name());
        return o.build();
    }

    private static JsonObject offset(Offset offset) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        if (offset.percent() != null) {
            o.add("percent", offset.percent());
        } else if (offset.amount() != null) {
            o.add("amount", offset.amount());
        } else {
            o.add("price", offset.price());
        }
        return o.build();
    }
}
