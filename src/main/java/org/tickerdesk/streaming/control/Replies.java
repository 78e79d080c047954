package org.tickerdesk.streaming.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.Op;
import org.tickerdesk.streaming.entity.Rejection;
import org.tickerdesk.streaming.entity.Unrecoverable;

/**
 * Writes the server's replies to requests. They are rare next to quotes, so JSON-P writes them; a
 * reply carries the request's {@code id} only when the request had one.
 */
final class Replies {

    /** Looked up once: {@code JSON.create...} would search for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Replies() {}

    /**
     * What a subscribe or unsubscribe did: {@code done} lists the streams under {@code doneKey}.
     */
    static String ack(
            Op op,
            JsonValue id,
            String doneKey,
            Collection<String> done,
            Collection<Rejection> rejected) {
        JsonArrayBuilder refused = JSON.createArrayBuilder();
        for (Rejection rejection : rejected) {
            refused.add(
                    JSON.createObjectBuilder()
                            .add("stream", rejection.stream())
                            .add("code", rejection.code().wire())
                            .add("message", rejection.message()));
        }
        return reply("ack", id)
                .add("op", op.wire())
                .add(doneKey, JSON.createArrayBuilder(done))
                .add("rejected", refused)
                .build()
                .toString();
    }

    static String subscriptions(JsonValue id, Collection<String> streams) {
        return reply("subscriptions", id)
                .add("streams", JSON.createArrayBuilder(streams))
                .build()
                .toString();
    }

    static String pong(JsonValue id, Instant now) {
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        return reply("pong", id).add("ts", BigDecimal.valueOf(micros, 3)).build().toString();
    }

    /**
     * The messages a client missed of the stream follow, in order, up to the offset: nothing was
     * lost.
     */
    static String recovered(String stream, String epoch, long offset) {
        return recovery(stream, true, epoch, offset).build().toString();
    }

    /** A snapshot follows, if the stream has a value, then the stream's data from the offset on. */
    static String notRecovered(
            String stream, String epoch, long offset, Unrecoverable reason, String message) {
        return recovery(stream, false, epoch, offset)
                .add("reason", reason.wire())
                .add("message", message)
                .build()
                .toString();
    }

    private static JsonObjectBuilder recovery(
            String stream, boolean recovered, String epoch, long offset) {
        return JSON.createObjectBuilder()
                .add("type", "recovery")
                .add("stream", stream)
                .add("recovered", recovered)
                .add("epoch", epoch)
                .add("offset", offset);
    }

    static String error(JsonValue id, ErrorCode code, String message) {
        return reply("error", id)
                .add("code", code.wire())
                .add("message", message)
                .build()
                .toString();
    }

    private static JsonObjectBuilder reply(String type, JsonValue id) {
        JsonObjectBuilder reply = JSON.createObjectBuilder().add("type", type);
        return id == null ? reply : reply.add("id", id);
    }
}
