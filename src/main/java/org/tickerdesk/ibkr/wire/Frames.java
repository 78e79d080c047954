package org.tickerdesk.ibkr.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The TWS wire format: each message is a 4-byte big-endian length followed by that many bytes of
 * NUL-terminated fields.
 */
public final class Frames {

    /**
     * IB's own clients refuse anything longer (0xFFFFFF); a longer prefix means we lost the stream.
     */
    public static final int MAX_LENGTH = 0xFFFFFF;

    private Frames() {}

    /** Fields to body: every field, the last one too, ends with a NUL. */
    public static byte[] body(List<String> fields) {
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            text.append(field).append('\0');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A body with its length prefix, ready for the socket in one write. */
    public static byte[] frame(byte[] body) {
        if (body.length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "A message of " + body.length + " bytes exceeds the TWS limit");
        }
        byte[] framed = new byte[body.length + 4];
        framed[0] = (byte) (body.length >>> 24);
        framed[1] = (byte) (body.length >>> 16);
        framed[2] = (byte) (body.length >>> 8);
        framed[3] = (byte) body.length;
        System.arraycopy(body, 0, framed, 4, body.length);
        return framed;
    }

    /** Body to fields; a trailing NUL ends the last field rather than starting an empty one. */
    public static List<String> fields(byte[] body) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                fields.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < body.length) {
            fields.add(new String(body, start, body.length - start, StandardCharsets.UTF_8));
        }
        return fields;
    }
}
