package org.tickerdesk.streaming.control;

import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.ProtocolViolationException;

/**
 * What a frame must satisfy before it is parsed: at most 64 KiB, and JSON nested no deeper than a
 * request ever needs. The JSON parser recurses, so a frame of nothing but brackets would otherwise
 * exhaust the stack of the thread reading it.
 */
final class FrameGuard {

    static final int MAX_FRAME_BYTES = 64 * 1024;
    static final int MAX_DEPTH = 8;

    private FrameGuard() {}

    static void check(String text) {
        long bytes = utf8Length(text);
        if (bytes > MAX_FRAME_BYTES) {
            throw new ProtocolViolationException(
                    ErrorCode.FRAME_TOO_LARGE,
                    "A request may have at most "
                            + MAX_FRAME_BYTES
                            + " bytes; this one has "
                            + bytes);
        }
        checkDepth(text);
    }

    private static void checkDepth(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new ProtocolViolationException(
                            ErrorCode.BAD_REQUEST,
                            "A request is nested at most " + MAX_DEPTH + " levels deep");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    /** The size of the frame on the wire: WebSocket text is UTF-8. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
