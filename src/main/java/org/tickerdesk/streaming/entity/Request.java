package org.tickerdesk.streaming.entity;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One well-formed client request.
 *
 * @param id what the client sent as {@code id} (a string or a number), echoed in the reply; {@code
 *     null} if it sent none
 * @param streams the stream names of a subscribe or unsubscribe, as sent (empty for other ops)
 * @param snapshot whether a subscribe asked for the latest value of each new stream
 * @param maxRate how fast a subscribe's new streams may deliver, {@code null} for as fast as they
 *     change
 * @param since where the client's copy of each concrete stream ends, by stream name, for a
 *     subscribe that recovers what it missed
 */
public record Request(
        Op op,
        JsonValue id,
        List<String> streams,
        boolean snapshot,
        MaxRate maxRate,
        Map<String, StreamPosition> since) {

    public Request {
        Objects.requireNonNull(op, "op");
        streams = List.copyOf(streams);
        since = Map.copyOf(since);
    }

    /** A request without a rate or positions: every op but a subscribe. */
    public Request(Op op, JsonValue id, List<String> streams, boolean snapshot) {
        this(op, id, streams, snapshot, null, Map.of());
    }

    public Optional<MaxRate> rate() {
        return Optional.ofNullable(maxRate);
    }
}
