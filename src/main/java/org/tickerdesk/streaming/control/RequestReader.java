package org.tickerdesk.streaming.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.MaxRate;
import org.tickerdesk.streaming.entity.Op;
import org.tickerdesk.streaming.entity.ProtocolViolationException;
import org.tickerdesk.streaming.entity.Request;
import org.tickerdesk.streaming.entity.StreamPosition;

/** Reads one text frame into a {@link Request}, or says precisely what is wrong with it. */
final class RequestReader {

    private static final JsonParserFactory PARSERS =
            JsonProvider.provider().createParserFactory(Map.of());

    private RequestReader() {}

    static Request read(String text) {
        FrameGuard.check(text);
        JsonObject json = parse(text);
        JsonValue id = id(json);
        JsonValue op = json.get("op");
        if (!(op instanceof JsonString name)) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST,
                    "A request needs an op, a string: one of " + Op.NAMES,
                    id);
        }
        Op known =
                Op.fromWire(name.getString())
                        .orElseThrow(
                                () ->
                                        new ProtocolViolationException(
                                                ErrorCode.UNKNOWN_OP,
                                                "'"
                                                        + name.getString()
                                                        + "' is not an op: use one of "
                                                        + Op.NAMES,
                                                id));
        return switch (known) {
            case SUBSCRIBE ->
                    new Request(
                            known,
                            id,
                            streams(json, known, id),
                            snapshot(json, id),
                            maxRate(json, id),
                            since(json, id));
            case UNSUBSCRIBE -> new Request(known, id, streams(json, known, id), false);
            case LIST_SUBSCRIPTIONS, PING -> new Request(known, id, List.of(), false);
        };
    }

    /**
     * The {@code id} of a request that is refused without being served, so that the refusal can
     * carry it; {@code null} if it has none or is not a request at all.
     */
    static JsonValue idOf(String text) {
        try {
            return read(text).id();
        } catch (ProtocolViolationException e) {
            return e.id();
        }
    }

    private static JsonObject parse(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ProtocolViolationException(
                        ErrorCode.BAD_REQUEST,
                        "A request is a JSON object, such as {\"op\":\"ping\",\"id\":1}");
            }
            JsonObject json = parser.getObject();
            if (parser.hasNext()) {
                throw new ProtocolViolationException(
                        ErrorCode.BAD_REQUEST, "A frame holds one request and nothing after it");
            }
            return json;
        } catch (JsonException e) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST, "Not JSON: " + e.getMessage());
        }
    }

    private static JsonValue id(JsonObject json) {
        JsonValue id = json.get("id");
        if (id == null || id.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (id.getValueType() != JsonValue.ValueType.STRING
                && id.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST, "id must be a string or a number");
        }
        return id;
    }

    private static List<String> streams(JsonObject json, Op op, JsonValue id) {
        if (!(json.get("streams") instanceof JsonArray array) || array.isEmpty()) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST,
                    op.wire()
                            + " needs streams, a non-empty array of"
                            + " stream names such as [\"quotes:AAPL\"]",
                    id);
        }
        List<String> streams = new ArrayList<>(array.size());
        for (JsonValue stream : array) {
            if (!(stream instanceof JsonString name)) {
                throw new ProtocolViolationException(
                        ErrorCode.BAD_REQUEST,
                        "streams must hold only strings, not a "
                                + stream.getValueType().name().toLowerCase(Locale.ROOT),
                        id);
            }
            streams.add(name.getString());
        }
        return streams;
    }

    private static boolean snapshot(JsonObject json, JsonValue id) {
        JsonValue snapshot = json.getOrDefault("snapshot", JsonValue.FALSE);
        if (snapshot.getValueType() != JsonValue.ValueType.TRUE
                && snapshot.getValueType() != JsonValue.ValueType.FALSE) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST, "snapshot must be true or false", id);
        }
        return snapshot.getValueType() == JsonValue.ValueType.TRUE;
    }

    private static MaxRate maxRate(JsonObject json, JsonValue id) {
        JsonValue rate = json.get("maxRate");
        if (rate == null || rate.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String wanted =
                "maxRate is messages a second, a number from "
                        + MaxRate.MIN
                        + " to "
                        + (long) MaxRate.MAX;
        if (!(rate instanceof JsonNumber number)) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST, wanted + ", not " + rate, id);
        }
        try {
            return new MaxRate(number.doubleValue());
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException(ErrorCode.BAD_REQUEST, e.getMessage(), id);
        }
    }

    /** {@code "since":{"quotes:AAPL":{"epoch":"9f2c4e1a0b7d3c55","offset":41}}} */
    private static Map<String, StreamPosition> since(JsonObject json, JsonValue id) {
        JsonValue since = json.get("since");
        if (since == null || since.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (!(since instanceof JsonObject positions)) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST,
                    "since is an object naming, for each stream to resume, the last message"
                            + " received: {\"quotes:AAPL\":{\"epoch\":\"...\",\"offset\":41}}",
                    id);
        }
        Map<String, StreamPosition> read = new LinkedHashMap<>();
        positions.forEach((stream, position) -> read.put(stream, position(stream, position, id)));
        return read;
    }

    private static StreamPosition position(String stream, JsonValue position, JsonValue id) {
        String wanted =
                "since."
                        + stream
                        + " must be {\"epoch\":\"...\",\"offset\":N}, the epoch and offset of"
                        + " the last message received of it";
        if (!(position instanceof JsonObject fields)
                || !(fields.get("epoch") instanceof JsonString epoch)
                || !(fields.get("offset") instanceof JsonNumber offset)
                || !offset.isIntegral()) {
            throw new ProtocolViolationException(ErrorCode.BAD_REQUEST, wanted, id);
        }
        try {
            return new StreamPosition(epoch.getString(), offset.longValueExact());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ProtocolViolationException(
                    ErrorCode.BAD_REQUEST, "since." + stream + ": " + e.getMessage(), id);
        }
    }
}
