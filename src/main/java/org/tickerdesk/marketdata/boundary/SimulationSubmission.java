package org.tickerdesk.marketdata.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.marketdata.control.InvalidSimulationException;
import org.tickerdesk.marketdata.control.NotASimulatedSymbolException;
import org.tickerdesk.marketdata.entity.SimulatedPath;
import org.tickerdesk.marketdata.entity.SimulatedTick;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.entity.FieldError;

/**
 * Reads the bodies of {@code POST /api/v1/sim/ticks} and {@code /api/v1/sim/paths}, strictly: an
 * unknown field, a value of the wrong type, a price not above zero, a bid above the ask is refused
 * (400), each naming its field ({@code [2].bid} for the third tick of an array), every one in one
 * answer; then a symbol the simulated market does not stream (404); then a price an event contract
 * cannot have (1 or more). Nothing is injected unless all of it is right.
 */
final class SimulationSubmission {

    static final List<String> TICK_FIELDS = List.of("symbol", "last", "bid", "ask", "size", "hold");
    static final List<String> PATH_FIELDS =
            List.of("symbol", "to", "changePercent", "seconds", "steps");

    static final int MAX_TICKS = 1000;
    static final BigDecimal MAX_PRICE = new BigDecimal("10000000000");
    static final long MAX_SIZE = 1_000_000_000L;
    static final BigDecimal MAX_PERCENT = new BigDecimal("10000");
    private static final BigDecimal MAX_SECONDS =
            BigDecimal.valueOf(SimulatedPath.MAX_DURATION.toSeconds());

    private SimulationSubmission() {}

    /** One tick (an object) or several (an array of them), in the order given. */
    static List<SimulatedTick> ticks(
            JsonStructure body, Function<String, Optional<Contract>> served) {
        List<FieldError> errors = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<SimulatedTick> ticks = new ArrayList<>();
        if (body instanceof JsonArray array) {
            if (array.isEmpty() || array.size() > MAX_TICKS) {
                errors.add(
                        new FieldError(
                                "body", "Send 1 to " + MAX_TICKS + " ticks, not " + array.size()));
            }
            for (int i = 0; i < array.size() && i < MAX_TICKS; i++) {
                JsonValue item = array.get(i);
                if (item instanceof JsonObject object) {
                    places.add("[" + i + "].");
                    ticks.add(tick(object, "[" + i + "].", errors));
                } else {
                    errors.add(
                            new FieldError(
                                    "[" + i + "]",
                                    "Each tick must be a JSON object, not " + item.getValueType()));
                }
            }
        } else {
            places.add("");
            ticks.add(tick(body == null ? null : body.asJsonObject(), "", errors));
        }
        refuseIfAny(errors, InvalidSimulationException::tick);
        for (int i = 0; i < ticks.size(); i++) {
            SimulatedTick tick = ticks.get(i);
            String at = places.get(i);
            if (contract(served, tick.symbol(), at).kind() == InstrumentKind.EVENT) {
                belowOne(errors, at + "last", tick.last());
                belowOne(errors, at + "bid", tick.bid());
                belowOne(errors, at + "ask", tick.ask());
            }
        }
        refuseIfAny(errors, InvalidSimulationException::tick);
        return List.copyOf(ticks);
    }

    /** A path: the symbol, to or changePercent, seconds and optionally steps. */
    static SimulatedPath path(JsonObject body, Function<String, Optional<Contract>> served) {
        JsonFields fields =
                JsonFields.of(
                                body,
                                "The body must be a JSON object with a symbol, to or"
                                        + " changePercent, and seconds",
                                InvalidSimulationException::path)
                        .only(
                                PATH_FIELDS,
                                field ->
                                        "Unknown field '"
                                                + field
                                                + "'; a path has "
                                                + String.join(", ", PATH_FIELDS));
        String symbol = symbol(fields, body);
        BigDecimal to = price(fields, body, "to", false);
        BigDecimal percent = number(fields, "changePercent");
        if (to == null && percent == null) {
            if (!given(body, "to") && !given(body, "changePercent")) {
                fields.refuse(
                        "to",
                        "Give to, the price to move to, or changePercent, the change from the"
                                + " price now (such as -5)");
            }
        } else if (to != null && percent != null) {
            fields.refuse("to", "Give either to or changePercent, not both");
        }
        if (percent != null
                && (percent.compareTo(BigDecimal.valueOf(-100)) <= 0
                        || percent.compareTo(MAX_PERCENT) > 0)) {
            fields.refuse(
                    "changePercent",
                    "changePercent must be above -100 and at most "
                            + MAX_PERCENT
                            + ", not "
                            + percent.toPlainString());
            percent = null;
        }
        Duration duration = duration(fields, body);
        Integer steps = steps(fields, duration);
        fields.refuseIfAnyError();
        if (to != null && contract(served, symbol, "").kind() == InstrumentKind.EVENT) {
            List<FieldError> errors = new ArrayList<>();
            belowOne(errors, "to", to.doubleValue());
            refuseIfAny(errors, InvalidSimulationException::path);
        } else {
            contract(served, symbol, "");
        }
        return new SimulatedPath(
                symbol,
                to == null ? Double.NaN : to.doubleValue(),
                percent == null ? Double.NaN : percent.doubleValue(),
                duration,
                steps == null ? SimulatedPath.defaultSteps(duration) : steps);
    }

    /** Reads one tick; its errors, named with {@code at} in front, go to {@code errors}. */
    private static SimulatedTick tick(JsonObject body, String at, List<FieldError> errors) {
        JsonFields fields;
        try {
            fields =
                    JsonFields.of(
                                    body,
                                    "The body must be a JSON object, or an array of them, with a"
                                            + " symbol and a last price",
                                    found -> InvalidSimulationException.tick(placed(at, found)))
                            .only(
                                    TICK_FIELDS,
                                    field ->
                                            "Unknown field '"
                                                    + field
                                                    + "'; a tick has "
                                                    + String.join(", ", TICK_FIELDS));
        } catch (InvalidSimulationException e) {
            errors.addAll(e.errors());
            return null;
        }
        String symbol = symbol(fields, body);
        BigDecimal last = price(fields, body, "last", true);
        BigDecimal bid = price(fields, body, "bid", false);
        BigDecimal ask = price(fields, body, "ask", false);
        if (bid == null && ask != null && !given(body, "bid")) {
            fields.refuse("bid", "Give both bid and ask, or neither for a spread of the market's");
        } else if (ask == null && bid != null && !given(body, "ask")) {
            fields.refuse("ask", "Give both bid and ask, or neither for a spread of the market's");
        } else if (bid != null && ask != null && bid.compareTo(ask) > 0) {
            fields.refuse(
                    "bid", "bid " + bid.toPlainString() + " is above ask " + ask.toPlainString());
        }
        Long size = size(fields);
        Boolean hold = hold(fields);
        try {
            fields.refuseIfAnyError();
        } catch (InvalidSimulationException e) {
            errors.addAll(e.errors());
            return null;
        }
        boolean quoted = bid != null && ask != null;
        return new SimulatedTick(
                symbol,
                last.doubleValue(),
                quoted ? bid.doubleValue() : Double.NaN,
                quoted ? ask.doubleValue() : Double.NaN,
                size == null ? 0 : size,
                hold);
    }

    private static List<FieldError> placed(String at, List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(at + e.field(), e.message())).toList();
    }

    private static String symbol(JsonFields fields, JsonObject body) {
        String symbol = fields.text("symbol");
        if (symbol == null) {
            if (!given(body, "symbol")) {
                fields.refuse("symbol", "symbol is required, such as AAPL");
            }
        } else if (!Contract.SYMBOL.matcher(symbol).matches()) {
            fields.refuse(
                    "symbol",
                    "symbol must be a symbol such as AAPL or BRK.B (capitals, digits, . _ -), not '"
                            + symbol
                            + "'");
            return null;
        }
        return symbol;
    }

    private static BigDecimal number(JsonFields fields, String field) {
        String text = fields.number(field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            fields.refuse(field, field + " must be a number, not '" + text + "'");
            return null;
        }
    }

    private static BigDecimal price(
            JsonFields fields, JsonObject body, String field, boolean required) {
        BigDecimal price = number(fields, field);
        if (price == null) {
            if (required && !given(body, field)) {
                fields.refuse(field, field + " is required, a price above zero such as 180.25");
            }
            return null;
        }
        if (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0) {
            fields.refuse(
                    field,
                    field
                            + " must be above zero and at most "
                            + MAX_PRICE.toPlainString()
                            + ", not "
                            + price.toPlainString());
            return null;
        }
        return price;
    }

    private static Long size(JsonFields fields) {
        BigDecimal size = number(fields, "size");
        if (size == null) {
            return null;
        }
        if (size.stripTrailingZeros().scale() > 0
                || size.signum() <= 0
                || size.compareTo(BigDecimal.valueOf(MAX_SIZE)) > 0) {
            fields.refuse(
                    "size",
                    "size must be a whole number from 1 to "
                            + MAX_SIZE
                            + ", not "
                            + size.toPlainString());
            return null;
        }
        return size.longValueExact();
    }

    private static Boolean hold(JsonFields fields) {
        String hold = fields.flag("hold");
        if (hold == null) {
            return null;
        }
        if (!hold.equals("true") && !hold.equals("false")) {
            fields.refuse("hold", "hold must be true or false, not '" + hold + "'");
            return null;
        }
        return Boolean.valueOf(hold);
    }

    private static Duration duration(JsonFields fields, JsonObject body) {
        BigDecimal seconds = number(fields, "seconds");
        if (seconds == null) {
            if (!given(body, "seconds")) {
                fields.refuse(
                        "seconds", "seconds is required: how long the path takes, such as 10");
            }
            return null;
        }
        BigDecimal nanos = seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP);
        if (nanos.signum() <= 0 || seconds.compareTo(MAX_SECONDS) > 0) {
            fields.refuse(
                    "seconds",
                    "seconds must be above 0 and at most "
                            + MAX_SECONDS
                            + ", not "
                            + seconds.toPlainString());
            return null;
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    private static Integer steps(JsonFields fields, Duration duration) {
        BigDecimal steps = number(fields, "steps");
        if (steps == null) {
            return null;
        }
        int max = duration == null ? SimulatedPath.MAX_STEPS : SimulatedPath.maxSteps(duration);
        if (steps.stripTrailingZeros().scale() > 0
                || steps.compareTo(BigDecimal.ONE) < 0
                || steps.compareTo(BigDecimal.valueOf(max)) > 0) {
            fields.refuse(
                    "steps",
                    "steps must be a whole number from 1 to "
                            + max
                            + " (at most "
                            + SimulatedPath.MAX_STEPS
                            + ", one a millisecond), not "
                            + steps.toPlainString());
            return null;
        }
        return steps.intValueExact();
    }

    /** The symbol's contract, or 404 naming the field. */
    private static Contract contract(
            Function<String, Optional<Contract>> served, String symbol, String at) {
        return served.apply(symbol)
                .orElseThrow(() -> new NotASimulatedSymbolException(at + "symbol", symbol));
    }

    private static void belowOne(List<FieldError> errors, String field, double price) {
        if (price >= 1) {
            errors.add(
                    new FieldError(
                            field,
                            field
                                    + " must be below 1 for an event contract, whose price is a"
                                    + " probability, not "
                                    + price));
        }
    }

    private static void refuseIfAny(
            List<FieldError> errors,
            Function<List<FieldError>, InvalidSimulationException> refusal) {
        if (!errors.isEmpty()) {
            throw refusal.apply(List.copyOf(errors));
        }
    }

    /** Present and not null: a value of the wrong type is refused as such, not as missing. */
    private static boolean given(JsonObject body, String field) {
        return body.containsKey(field) && !body.isNull(field);
    }
}
