package org.tickerdesk.streaming.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.Op;
import org.tickerdesk.streaming.entity.ProtocolViolationException;
import org.tickerdesk.streaming.entity.Request;

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
            case SUBSCRIBE -> new Request(known, id, streams(json, known, id), snapshot(json, id));
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
}
