package org.tickerdesk.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a request body into a JSON object, refusing everything a lenient reader lets through: a
 * body larger than the limit (413, counted while reading, so a huge body is never held), anything
 * but one object (an array, a string, {@code null}, text after the object), a key given twice
 * (which of the two would count?), and nesting deeper than the limit. Each refusal is a {@link
 * ProblemException} saying what was wrong and where. What the fields hold is the endpoint's to
 * check ({@link JsonFields}).
 */
public final class StrictJson {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** No request of this API nests this deep; a deeper one is an attack or a mistake. */
    public static final int MAX_DEPTH = 32;

    public static final long DEFAULT_MAX_BYTES = 65_536;

    private final long maxBytes;
    private final int maxDepth;

    public StrictJson(long maxBytes) {
        this(maxBytes, MAX_DEPTH);
    }

    public StrictJson(long maxBytes, int maxDepth) {
        if (maxBytes < 1 || maxDepth < 1) {
            throw new IllegalArgumentException(
                    "The body limit and the depth must be positive, not "
                            + maxBytes
                            + " and "
                            + maxDepth);
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Refuses at once a body the caller announced as too large, before a byte of it is read.
     *
     * @param contentLength the announced length, negative when none was announced
     */
    public void checkAnnouncedLength(long contentLength) {
        if (contentLength > maxBytes) {
            throw ProblemException.payloadTooLarge(maxBytes);
        }
    }

    public JsonObject readObject(String body) {
        return readObject(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads one JSON object (UTF-8, or as its first bytes say) and nothing after it. */
    public JsonObject readObject(InputStream body) {
        return (JsonObject) read(body, false);
    }

    /**
     * Reads one JSON object or one array (of objects, say, for an endpoint that takes one or
     * several) and nothing after it, as strictly as {@link #readObject(InputStream)}.
     */
    public JsonStructure readStructure(InputStream body) {
        return read(body, true);
    }

    private JsonStructure read(InputStream body, boolean arrayAllowed) {
        CountingStream counted = new CountingStream(body, maxBytes);
        boolean complete = false;
        try (JsonParser parser = JSON.createParser(counted)) {
            JsonParser.Event first = parser.next();
            boolean array = arrayAllowed && first == JsonParser.Event.START_ARRAY;
            if (first != JsonParser.Event.START_OBJECT && !array) {
                throw ProblemException.badRequest(
                        "The body must be a JSON object"
                                + (arrayAllowed ? " or array" : "")
                                + ", not "
                                + describe(first, parser));
            }
            JsonStructure structure = array ? array(parser, 1) : object(parser, 1);
            complete = true;
            if (parser.hasNext()) {
                throw trailing(parser.getLocation());
            }
            return structure;
        } catch (JsonParsingException e) {
            if (counted.exceeded) {
                throw ProblemException.payloadTooLarge(maxBytes);
            }
            if (counted.count == 0) {
                throw ProblemException.badRequest("The body is empty; send a JSON object");
            }
            if (complete) {
                throw trailing(e.getLocation());
            }
            throw ProblemException.badRequest(
                    "The body is not valid JSON at " + where(e.getLocation()));
        } catch (JsonException e) {
            if (counted.exceeded) {
                throw ProblemException.payloadTooLarge(maxBytes);
            }
            if (counted.count == 0) {
                throw ProblemException.badRequest("The body is empty; send a JSON object");
            }
            throw ProblemException.badRequest("The body could not be read as JSON");
        } catch (java.util.NoSuchElementException e) {
            throw ProblemException.badRequest("The body is empty; send a JSON object");
        }
    }

    private JsonObject object(JsonParser parser, int depth) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return object.build();
            }
            String key = parser.getString();
            if (!keys.add(key)) {
                throw ProblemException.badRequest(
                        "The field "
                                + quoted(key)
                                + " appears twice at "
                                + where(parser.getLocation())
                                + "; send each field once");
            }
            object.add(key, value(parser, parser.next(), depth));
        }
    }

    private JsonArray array(JsonParser parser, int depth) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return array.build();
            }
            array.add(value(parser, event, depth));
        }
    }

    private JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, deeper(depth, parser));
            case START_ARRAY -> array(parser, deeper(depth, parser));
            case VALUE_STRING -> JSON.createValue(parser.getString());
            case VALUE_NUMBER -> JSON.createValue(parser.getBigDecimal());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default ->
                    throw ProblemException.badRequest(
                            "The body is not valid JSON at " + where(parser.getLocation()));
        };
    }

    private int deeper(int depth, JsonParser parser) {
        if (depth + 1 > maxDepth) {
            throw ProblemException.badRequest(
                    "The body nests deeper than "
                            + maxDepth
                            + " levels (at "
                            + where(parser.getLocation())
                            + ")");
        }
        return depth + 1;
    }

    private static ProblemException trailing(JsonLocation location) {
        return ProblemException.badRequest(
                "Text follows the JSON object (at "
                        + where(location)
                        + "); send one object and nothing after it");
    }

    private static String describe(JsonParser.Event event, JsonParser parser) {
        return switch (event) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "invalid JSON at " + where(parser.getLocation());
        };
    }

    private static String where(JsonLocation location) {
        return location == null
                ? "an unknown place"
                : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** A key as it may be shown to a person: control characters made visible, length bounded. */
    static String quoted(String key) {
        StringBuilder shown = new StringBuilder("'");
        key.codePoints()
                .limit(64)
                .forEach(
                        c -> {
                            if (Character.isISOControl(c)) {
                                shown.append(String.format("\\u%04x", c));
                            } else {
                                shown.appendCodePoint(c);
                            }
                        });
        return shown.append(key.length() > 64 ? "…'" : "'").toString();
    }

    /** Counts what is read and stops at the limit, so an oversized body costs at most the limit. */
    private static final class CountingStream extends FilterInputStream {

        private final long limit;
        private long count;
        private boolean exceeded;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(long bytes) throws IOException {
            count += bytes;
            if (count > limit) {
                exceeded = true;
                throw new IOException("The body is larger than " + limit + " bytes");
            }
        }
    }
}
