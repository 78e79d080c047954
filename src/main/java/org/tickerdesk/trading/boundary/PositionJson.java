package org.tickerdesk.trading.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.tickerdesk.trading.control.ExitRulesJson;
import org.tickerdesk.trading.entity.ExitRecord;
import org.tickerdesk.trading.entity.FillSnapshot;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.PositionPrice;
import org.tickerdesk.trading.entity.PositionSnapshot;

/**
 * A position as JSON: quantity signed (negative for a short); {@code currentPrice} and {@code
 * unrealizedPnl} live from the exit engine while the position is guarded, else as last written;
 * {@code stopLevel} and {@code targetLevel} as they stand now; {@code triggers} every rule that
 * fired, with its order, fill, slippage and time from tick to order. Absent values are left out.
 */
final class PositionJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private PositionJson() {}

    static JsonObject of(PositionSnapshot p, List<ExitRecord> exits, PositionPrice live) {
        JsonObjectBuilder o =
                JSON.createObjectBuilder()
                        .add("id", p.id())
                        .add("symbol", p.symbol())
                        .add("account", p.account())
                        .add("broker", p.broker())
                        .add("origin", p.origin().name())
                        .add("state", p.state().name())
                        .add("side", p.side().name())
                        .add("quantity", plain(p.quantity()));
        add(o, "orderedQuantity", p.orderedQuantity());
        add(o, "averagePrice", p.averagePrice());
        if (live != null && Double.isFinite(live.price())) {
            o.add("currentPrice", rounded(live.price()))
                    .add("unrealizedPnl", rounded(live.unrealizedPnl()));
        } else {
            add(o, "currentPrice", p.currentPrice());
            add(o, "unrealizedPnl", p.unrealizedPnl());
        }
        add(o, "realizedPnl", p.realizedPnl());
        add(o, "fees", p.fees());
        if (live != null) {
            finite(o, "stopLevel", live.stopLevel());
            finite(o, "targetLevel", live.targetLevel());
        }
        add(o, "bestPrice", p.bestPrice());
        o.add("rules", ExitRulesJson.write(ExitRulesJson.read(p.rules())));
        JsonArrayBuilder triggers = JSON.createArrayBuilder();
        exits.forEach(e -> triggers.add(trigger(e)));
        o.add("triggers", triggers);
        text(o, "entryOrderId", p.entryOrderId());
        text(o, "reason", p.reason());
        time(o, "openedAt", p.openedAt());
        time(o, "closedAt", p.closedAt());
        time(o, "createdAt", p.createdAt());
        time(o, "updatedAt", p.updatedAt());
        return o.build();
    }

    /** With the fills that changed it and the orders that opened and closed it. */
    static JsonObject detail(
            JsonObject position, List<FillSnapshot> fills, List<OrderSnapshot> orders) {
        JsonArrayBuilder fillArray = JSON.createArrayBuilder();
        for (FillSnapshot f : fills) {
            JsonObjectBuilder fill =
                    JSON.createObjectBuilder()
                            .add("execId", f.execId())
                            .add("quantity", plain(f.quantity()))
                            .add("price", plain(f.price()));
            add(fill, "fee", f.commission());
            time(fill, "executedAt", f.time());
            fillArray.add(fill);
        }
        JsonArrayBuilder orderArray = JSON.createArrayBuilder();
        for (OrderSnapshot order : orders) {
            orderArray.add(order(order));
        }
        return JSON.createObjectBuilder(position)
                .add("fills", fillArray)
                .add("orders", orderArray)
                .build();
    }

    private static JsonObject order(OrderSnapshot order) {
        JsonObjectBuilder o =
                JSON.createObjectBuilder()
                        .add("clientOrderId", order.clientOrderId())
                        .add("side", order.side().name())
                        .add("quantity", plain(order.quantity()))
                        .add("type", order.type().name())
                        .add("status", order.status().name())
                        .add("filledQuantity", plain(order.filledQuantity()));
        add(o, "limitPrice", order.limitPrice());
        add(o, "avgFillPrice", order.avgFillPrice());
        add(o, "commission", order.commission());
        text(o, "reason", order.reason());
        time(o, "createdAt", order.createdAt());
        return o.build();
    }

    private static JsonObject trigger(ExitRecord e) {
        JsonObjectBuilder t =
                JSON.createObjectBuilder()
                        .add("rule", e.rule())
                        .add("attempt", e.attempt())
                        .add("clientOrderId", e.clientOrderId())
                        .add("state", e.state().name())
                        .add("quantity", plain(e.quantity()))
                        .add("filledQuantity", plain(e.filledQuantity()))
                        .add("orderType", e.orderType().name());
        add(t, "limitPrice", e.limitPrice());
        add(t, "triggerLevel", e.triggerLevel());
        add(t, "triggerPrice", e.triggerPrice());
        time(t, "tickAt", e.tickAt());
        time(t, "triggeredAt", e.triggeredAt());
        time(t, "sentAt", e.sentAt());
        if (e.tickToOrderMicros() != null) {
            t.add("tickToOrderMicros", e.tickToOrderMicros());
        }
        add(t, "fillPrice", e.fillPrice());
        add(t, "slippage", e.slippage());
        text(t, "reason", e.reason());
        return t.build();
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void add(JsonObjectBuilder o, String name, BigDecimal value) {
        if (value != null) {
            o.add(name, plain(value));
        }
    }

    private static void finite(JsonObjectBuilder o, String name, double value) {
        if (Double.isFinite(value)) {
            o.add(name, rounded(value));
        }
    }

    /** Doubles carry the noise of binary fractions (0.0999…9): eight decimals, as stored. */
    private static BigDecimal rounded(double value) {
        return plain(BigDecimal.valueOf(value).setScale(8, java.math.RoundingMode.HALF_EVEN));
    }

    private static void text(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    private static void time(JsonObjectBuilder o, String name, Instant value) {
        if (value != null) {
            o.add(name, value.toString());
        }
    }
}
