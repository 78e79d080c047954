package org.tickerdesk.ibkr.wire;

import java.util.List;

/**
 * One request to TWS as its ordered fields, the message id first. Kept as text so tests and logs
 * can compare it field for field. From server version 153 the API speaks 7-bit ASCII, so a field
 * may hold printable ASCII, tab, CR and LF only, which is what IB's own clients let through.
 */
public record OutgoingMessage(List<String> fields) {

    public OutgoingMessage {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least its id");
        }
        for (String field : fields) {
            if (field.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                        "A field may not contain NUL: it would split the message");
            }
            if (!field.chars().allMatch(OutgoingMessage::isAsciiPrintable)) {
                throw new IllegalArgumentException(
                        "'"
                                + field
                                + "' is not printable ASCII, all the API carries from server"
                                + " version 153");
            }
        }
    }

    public int messageId() {
        return Integer.parseInt(fields.get(0));
    }

    private static boolean isAsciiPrintable(int c) {
        return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
    }

    /** The length-prefixed bytes for the socket. */
    public byte[] toFrame() {
        return Frames.frame(Frames.body(fields));
    }
}
