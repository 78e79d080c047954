package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Server frames as RFC 6455 section 5.2 draws them: byte 0x81 (final, text), then the payload
 * length unmasked, in 7 bits, or 126 and 16 bits, or 127 and 64 bits, then the UTF-8 payload.
 */
class FrameBatchWriterTest {

    @Test
    void aShortMessageHasATwoByteHeader() {
        assertArrayEquals(
                new byte[] {(byte) 0x81, 2, 'h', 'i'},
                bytes(FrameBatchWriter.frames(List.of("hi"))));
    }

    @Test
    void severalMessagesFollowEachOtherInOrder() {
        assertArrayEquals(
                new byte[] {(byte) 0x81, 1, 'a', (byte) 0x81, 0, (byte) 0x81, 2, 'b', 'c'},
                bytes(FrameBatchWriter.frames(List.of("a", "", "bc"))));
    }

    @Test
    void theLengthCountsUtf8BytesNotCharacters() {
        // é is C3 A9 in UTF-8; € is E2 82 AC
        assertArrayEquals(
                new byte[] {
                    (byte) 0x81, 5, (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC
                },
                bytes(FrameBatchWriter.frames(List.of("é€"))));
    }

    @Test
    void payloadsOf126To65535BytesTakeA16BitLength() {
        byte[] at125 = bytes(FrameBatchWriter.frames(List.of("x".repeat(125))));
        byte[] at126 = bytes(FrameBatchWriter.frames(List.of("x".repeat(126))));
        byte[] at65535 = bytes(FrameBatchWriter.frames(List.of("x".repeat(65_535))));

        assertArrayEquals(new byte[] {(byte) 0x81, 125}, head(at125, 2));
        assertArrayEquals(new byte[] {(byte) 0x81, 126, 0x00, 0x7E}, head(at126, 4));
        assertArrayEquals(
                new byte[] {(byte) 0x81, 126, (byte) 0xFF, (byte) 0xFF}, head(at65535, 4));
        assertArrayEquals(new int[] {127, 130, 65_539}, lengths(at125, at126, at65535));
    }

    @Test
    void payloadsFrom65536BytesTakeA64BitLength() {
        byte[] frame = bytes(FrameBatchWriter.frames(List.of("x".repeat(65_536))));

        assertArrayEquals(new byte[] {(byte) 0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0}, head(frame, 10));
        assertArrayEquals(new int[] {65_546}, lengths(frame));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] head(byte[] bytes, int n) {
        return java.util.Arrays.copyOf(bytes, n);
    }

    private static int[] lengths(byte[]... frames) {
        return java.util.Arrays.stream(frames).mapToInt(f -> f.length).toArray();
    }
}
