package org.tickerdesk.copytrading.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.control.StrictJson;
import org.tickerdesk.trading.entity.Side;

/**
 * A leader's trade as a webhook sends it, read strictly, and an intake entry as the API shows it.
 *
 * <p>A trade: {@code tradeId} (1 to 100 characters, the feed's own id: the same trade sent again
 * has the same), {@code symbol}, {@code side} ({@code BUY} or {@code SELL}), {@code quantity} and
 * {@code price} (above zero), {@code time} (ISO-8601 with an offset or Z), and optionally {@code
 * leaderPortfolioValue} (above zero, for share sizing). Any other field is refused, as a misspelt
 * one silently ignored would change what is copied.
 */
public final class TradeJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** A trade is small; anything larger is not one. */
    static final StrictJson READER = new StrictJson(16_384);

    static final BigDecimal MAX = new BigDecimal("1000000000000");

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");

    private static final Set<String> FIELDS =
            Set.of(
                    "tradeId",
                    "symbol",
                    "side",
                    "quantity",
                    "price",
                    "time",
                    "leaderPortfolioValue");

    private TradeJson() {}

    /**
     * @throws InvalidTradeException naming every field at fault
     * @throws org.tickerdesk.platform.control.ProblemException when the body is not one JSON object
     */
    public static LeaderTrade read(byte[] body) {
        JsonObject json = READER.readObject(new ByteArrayInputStream(body));
        JsonFields fields =
                JsonFields.of(json, "a trade is needed", InvalidTradeException::new)
                        .only(FIELDS, f -> "'" + f + "' is not a field of a trade");
        String tradeId = fields.text("tradeId");
        if (tradeId == null || tradeId.isBlank() || tradeId.length() > 100) {
            fields.refuse("tradeId", "tradeId must be 1 to 100 characters");
            tradeId = null;
        }
        String symbol = fields.text("symbol");
        if (symbol == null || !SYMBOL.matcher(symbol.trim().toUpperCase(Locale.ROOT)).matches()) {
            fields.refuse(
                    "symbol",
                    "symbol must be 1 to 32 letters, digits, '.', '_' or '-', not " + symbol);
            symbol = null;
        } else {
            symbol = symbol.trim().toUpperCase(Locale.ROOT);
        }
        Side side = side(fields);
        BigDecimal quantity = positive(fields, "quantity", true);
        BigDecimal price = positive(fields, "price", true);
        BigDecimal portfolio = positive(fields, "leaderPortfolioValue", false);
        Instant time = time(fields);
        fields.refuseIfAnyError();
        return new LeaderTrade(tradeId, symbol, side, quantity, price, time, portfolio);
    }

    private static Side side(JsonFields fields) {
        String text = fields.text("side");
        if (text != null) {
            String upper = text.trim().toUpperCase(Locale.ROOT);
            if (upper.equals("BUY") || upper.equals("SELL")) {
                return Side.valueOf(upper);
            }
        }
        fields.refuse("side", "side must be BUY or SELL, not " + text);
        return null;
    }

    private static BigDecimal positive(JsonFields fields, String name, boolean needed) {
        String text = fields.number(name);
        if (text == null) {
            if (needed) {
                fields.refuse(name, name + " is needed: a number above zero");
            }
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.signum() > 0 && value.compareTo(MAX) <= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        fields.refuse(name, name + " must be a number above zero and at most 1e12, not " + text);
        return null;
    }

    private static Instant time(JsonFields fields) {
        String text = fields.text("time");
        if (text != null) {
            try {
                return java.time.OffsetDateTime.parse(text.trim()).toInstant();
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        fields.refuse(
                "time",
                "time must be ISO-8601 with an offset, such as 2026-11-30T10:00:00Z, not " + text);
        return null;
    }

    /** An intake entry as the API and the trader's page show it. */
    public static JsonObject write(IntakeSnapshot entry) {
        LeaderTrade trade = entry.trade();
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("id", entry.id())
                        .add("traderId", entry.traderId())
                        .add("feed", entry.feed())
                        .add("tradeId", trade.tradeId())
                        .add("symbol", trade.symbol())
                        .add("side", trade.side().name())
                        .add("quantity", trade.quantity())
                        .add("price", trade.price())
                        .add("time", trade.time().toString())
                        .add("receivedAt", entry.receivedAt().toString())
                        .add("status", entry.status().name());
        optional(json, "leaderPortfolioValue", trade.leaderPortfolioValue());
        if (entry.reason() == null) {
            json.addNull("reason").addNull("reasonText");
        } else {
            json.add("reason", entry.reason().name()).add("reasonText", entry.reason().text());
        }
        optional(json, "detail", entry.detail());
        optional(json, "decidedAt", entry.decidedAt());
        optional(json, "copySide", entry.copySide() == null ? null : entry.copySide().name());
        optional(json, "copyQuantity", entry.copyQuantity());
        optional(json, "copyEffect", entry.copyEffect() == null ? null : entry.copyEffect().name());
        optional(json, "copyPrice", entry.copyPrice());
        optional(json, "clientOrderId", entry.clientOrderId());
        optional(json, "orderedAt", entry.orderedAt());
        optional(json, "filledAt", entry.filledAt());
        optional(json, "fillPrice", entry.fillPrice());
        return json.build();
    }

    /** Several entries, in the order given. */
    public static jakarta.json.JsonArray write(List<IntakeSnapshot> entries) {
        var array = JSON.createArrayBuilder();
        entries.forEach(e -> array.add(write(e)));
        return array.build();
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof BigDecimal number) {
            json.add(name, number);
        } else {
            json.add(name, value.toString());
        }
    }
}
