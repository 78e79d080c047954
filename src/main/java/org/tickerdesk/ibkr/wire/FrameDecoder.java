package org.tickerdesk.ibkr.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns bytes as TCP delivers them (a partial length, half a body, many messages in one read) into
 * whole message bodies. Not thread-safe: the reader thread owns it.
 */
public final class FrameDecoder {

    private byte[] buffer = new byte[8192];
    private int size;

    /**
     * Takes the next bytes from the socket and returns every body they complete, in order.
     *
     * @throws ProtocolException when a length prefix is negative or beyond {@link
     *     Frames#MAX_LENGTH}: frame boundaries are lost and the connection must be dropped
     */
    public List<byte[]> feed(byte[] bytes, int offset, int length) throws ProtocolException {
        ensureCapacity(size + length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        List<byte[]> bodies = new ArrayList<>();
        int position = 0;
        while (size - position >= 4) {
            int bodyLength =
                    ((buffer[position] & 0xFF) << 24)
                            | ((buffer[position + 1] & 0xFF) << 16)
                            | ((buffer[position + 2] & 0xFF) << 8)
                            | (buffer[position + 3] & 0xFF);
            if (bodyLength < 0 || bodyLength > Frames.MAX_LENGTH) {
                throw new ProtocolException(
                        "Message length "
                                + Integer.toUnsignedString(bodyLength)
                                + " is beyond the TWS limit of "
                                + Frames.MAX_LENGTH
                                + " bytes");
            }
            if (size - position - 4 < bodyLength) {
                break;
            }
            bodies.add(Arrays.copyOfRange(buffer, position + 4, position + 4 + bodyLength));
            position += 4 + bodyLength;
        }
        System.arraycopy(buffer, position, buffer, 0, size - position);
        size -= position;
        return bodies;
    }

    /** Bytes held back because their message is not complete yet. */
    public int pending() {
        return size;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
