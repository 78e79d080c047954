package org.tickerdesk.ibkr.control;

import java.util.List;

/**
 * One request to TWS as its ordered fields, the message id first. Kept as text so tests and logs
 * can compare it field for field.
 */
public record OutgoingMessage(List<String> fields) {

    public OutgoingMessage {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least its id");
        }
        for (String field : fields) {
            if (field.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("A field may not contain NUL: it would split the message");
            }
        }
    }

    public int messageId() {
        return Integer.parseInt(fields.get(0));
    }

    /** The length-prefixed bytes for the socket. */
    public byte[] toFrame() {
        return Frames.frame(Frames.body(fields));
    }
}
