package org.tickerdesk.streaming.entity;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * One well-formed client request.
 *
 * @param id what the client sent as {@code id} (a string or a number), echoed in the reply; {@code
 *     null} if it sent none
 * @param streams the stream names of a subscribe or unsubscribe, as sent (empty for other ops)
 * @param snapshot whether a subscribe asked for the latest value of each new stream
 */
public record Request(Op op, JsonValue id, List<String> streams, boolean snapshot) {

    public Request {
        Objects.requireNonNull(op, "op");
        streams = List.copyOf(streams);
    }
}
