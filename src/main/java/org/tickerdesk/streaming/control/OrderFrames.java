package org.tickerdesk.streaming.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tickerdesk.trading.entity.FillSnapshot;
import org.tickerdesk.trading.entity.OrderSnapshot;

/**
 * Writes the messages of the private {@code orders} stream. An order's {@code data} has the shape
 * the REST API gives it ({@code GET /api/v1/orders/{id}}, trading's {@code OrderView}): what has no
 * value is absent, instants are ISO-8601, and {@code commission} and {@code fills} come only with a
 * state read with its fills, as every change is. {@code ts} is when the order last changed.
 * Instants are to the microsecond, as stored.
 */
final class OrderFrames {

    static final String NAME = "orders";
    static final String ORDER = "order";
    static final String SNAPSHOT = "snapshot";

    /** Looked up once: {@code Json.create...} would search for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private OrderFrames() {}

    static String write(String type, OrderSnapshot order, String epoch, long offset) {
        JsonObjectBuilder message =
                JSON.createObjectBuilder()
                        .add("type", type)
                        .add("stream", NAME)
                        .add("data", data(order))
                        .add("epoch", epoch)
                        .add("offset", offset);
        if (order.updatedAt() == null) {
            message.addNull("ts");
        } else {
            message.add("ts", JobsStream.millis(asStored(order.updatedAt())));
        }
        return message.build().toString();
    }

    static JsonObject data(OrderSnapshot order) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        text(json, "clientOrderId", order.clientOrderId());
        text(json, "broker", order.broker());
        text(json, "symbol", order.symbol());
        text(json, "side", order.side().name());
        number(json, "quantity", order.quantity());
        text(json, "type", order.type().name());
        number(json, "limitPrice", order.limitPrice());
        number(json, "stopPrice", order.stopPrice());
        text(json, "tif", order.tif().name());
        text(json, "status", order.status().name());
        text(json, "brokerOrderId", order.brokerOrderId());
        number(json, "filledQuantity", order.filledQuantity());
        number(json, "avgFillPrice", order.avgFillPrice());
        number(json, "commission", order.commission());
        text(json, "reason", order.reason());
        instant(json, "createdAt", order.createdAt());
        instant(json, "updatedAt", order.updatedAt());
        if (order.fills() != null) {
            JsonArrayBuilder fills = JSON.createArrayBuilder();
            order.fills().forEach(fill -> fills.add(fill(fill)));
            json.add("fills", fills);
        }
        return json.build();
    }

    private static JsonObjectBuilder fill(FillSnapshot fill) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        text(json, "execId", fill.execId());
        number(json, "quantity", fill.quantity());
        number(json, "price", fill.price());
        number(json, "commission", fill.commission());
        text(json, "commissionCurrency", fill.commissionCurrency());
        instant(json, "time", fill.time());
        return json;
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static void number(JsonObjectBuilder json, String name, BigDecimal value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        if (value != null) {
            json.add(name, asStored(value).toString());
        }
    }

    /**
     * To the nearest microsecond, as the JDBC driver hands it to PostgreSQL: a change announced
     * straight from the desk may carry the clock's nanoseconds, which the order read back from the
     * database no longer has.
     */
    static Instant asStored(Instant at) {
        return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }
}
