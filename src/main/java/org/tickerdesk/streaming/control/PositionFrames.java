package org.tickerdesk.streaming.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import org.tickerdesk.trading.control.ExitRulesJson;
import org.tickerdesk.trading.entity.PositionPrice;
import org.tickerdesk.trading.entity.PositionSnapshot;

/**
 * Writes the messages of the private {@code positions} stream. A position's {@code data} has the
 * shape {@code GET /api/v1/positions/{id}} gives it (trading's {@code PositionJson}) without its
 * triggers: quantity signed, rules as an object, what has no value absent, and while the position
 * is guarded its live {@code currentPrice}, {@code unrealizedPnl}, {@code stopLevel} and {@code
 * targetLevel}. A {@code price} message's {@code data} is an array with one entry per position,
 * named as in a position so that a client can lay an entry over the position it has.
 */
final class PositionFrames {

    static final String NAME = "positions";
    static final String POSITION = "position";
    static final String PRICE = "price";
    static final String SNAPSHOT = "snapshot";

    private static final JsonProvider JSON = JsonProvider.provider();

    private PositionFrames() {}

    /**
     * @param live the position's price as the exit engine holds it, or null when it is not guarded
     */
    static String write(
            String type, PositionSnapshot position, PositionPrice live, String epoch, long offset) {
        JsonObjectBuilder message =
                JSON.createObjectBuilder()
                        .add("type", type)
                        .add("stream", NAME)
                        .add("data", data(position, live))
                        .add("epoch", epoch)
                        .add("offset", offset);
        if (position.updatedAt() == null) {
            message.addNull("ts");
        } else {
            message.add("ts", JobsStream.millis(OrderFrames.asStored(position.updatedAt())));
        }
        return message.build().toString();
    }

    /** One message for a batch of prices, each position once; {@code ts} is the latest price's. */
    static String write(Collection<PositionPrice> prices, String epoch, long offset) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        Instant latest = null;
        for (PositionPrice price : prices) {
            data.add(price(price));
            if (price.at() != null && (latest == null || price.at().isAfter(latest))) {
                latest = price.at();
            }
        }
        JsonObjectBuilder message =
                JSON.createObjectBuilder()
                        .add("type", PRICE)
                        .add("stream", NAME)
                        .add("data", data)
                        .add("epoch", epoch)
                        .add("offset", offset);
        if (latest == null) {
            message.addNull("ts");
        } else {
            message.add("ts", JobsStream.millis(OrderFrames.asStored(latest)));
        }
        return message.build().toString();
    }

    static JsonObject data(PositionSnapshot p, PositionPrice live) {
        JsonObjectBuilder o =
                JSON.createObjectBuilder()
                        .add("id", p.id())
                        .add("symbol", p.symbol())
                        .add("account", p.account())
                        .add("broker", p.broker())
                        .add("origin", p.origin().name())
                        .add("state", p.state().name())
                        .add("side", p.side().name());
        number(o, "quantity", p.quantity());
        number(o, "orderedQuantity", p.orderedQuantity());
        number(o, "averagePrice", p.averagePrice());
        if (live != null && Double.isFinite(live.price())) {
            finite(o, "currentPrice", live.price());
            finite(o, "unrealizedPnl", live.unrealizedPnl());
        } else {
            number(o, "currentPrice", p.currentPrice());
            number(o, "unrealizedPnl", p.unrealizedPnl());
        }
        number(o, "realizedPnl", p.realizedPnl());
        number(o, "fees", p.fees());
        if (live != null) {
            finite(o, "stopLevel", live.stopLevel());
            finite(o, "targetLevel", live.targetLevel());
        }
        number(o, "bestPrice", p.bestPrice());
        o.add("rules", ExitRulesJson.write(ExitRulesJson.read(p.rules())));
        text(o, "entryOrderId", p.entryOrderId());
        text(o, "reason", p.reason());
        instant(o, "openedAt", p.openedAt());
        instant(o, "closedAt", p.closedAt());
        instant(o, "createdAt", p.createdAt());
        instant(o, "updatedAt", p.updatedAt());
        return o.build();
    }

    static JsonObject price(PositionPrice price) {
        JsonObjectBuilder o =
                JSON.createObjectBuilder()
                        .add("id", price.positionId())
                        .add("symbol", price.symbol());
        finite(o, "currentPrice", price.price());
        if (Double.isFinite(price.price())) {
            finite(o, "unrealizedPnl", price.unrealizedPnl());
        }
        finite(o, "stopLevel", price.stopLevel());
        finite(o, "targetLevel", price.targetLevel());
        instant(o, "at", price.at());
        return o.build();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    /** Without trailing zeros, as the REST API writes a stored number. */
    private static void number(JsonObjectBuilder json, String name, BigDecimal value) {
        if (value != null) {
            BigDecimal stripped = value.stripTrailingZeros();
            json.add(name, stripped.scale() < 0 ? stripped.setScale(0) : stripped);
        }
    }

    /** Doubles carry the noise of binary fractions (0.0999…9): eight decimals, as stored. */
    private static void finite(JsonObjectBuilder json, String name, double value) {
        if (Double.isFinite(value)) {
            number(json, name, BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_EVEN));
        }
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        if (value != null) {
            json.add(name, OrderFrames.asStored(value).toString());
        }
    }
}
