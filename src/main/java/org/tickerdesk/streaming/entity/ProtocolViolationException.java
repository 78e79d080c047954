package org.tickerdesk.streaming.entity;

import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * A request, or one stream named in it, that the server refuses, with the code and message the
 * client is told. Carries no stack trace: it is a reply to a client, not a fault of the server, and
 * a misbehaving client must not make refusing it expensive.
 */
public class ProtocolViolationException extends RuntimeException {

    private final ErrorCode code;
    private final transient JsonValue id;

    public ProtocolViolationException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * @param id the request's {@code id} to echo in the reply, or {@code null} if it had none
     */
    public ProtocolViolationException(ErrorCode code, String message, JsonValue id) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.id = id;
    }

    public ErrorCode code() {
        return code;
    }

    /** The id of the refused request, or {@code null}. */
    public JsonValue id() {
        return id;
    }
}
