package org.tickerdesk.ibkr.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FramingTest {

    /**
     * Framed as TWS frames its messages; the reader decodes UTF-8 should TWS send more than ASCII.
     */
    private static byte[] stream(List<List<String>> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<String> message : messages) {
            out.writeBytes(Frames.frame(Frames.body(message)));
        }
        return out.toByteArray();
    }

    private static List<List<String>> sample() {
        List<List<String>> messages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            messages.add(List.of("1", "6", String.valueOf(i), "1", "189." + i, "", "Zürich €"));
        }
        messages.add(List.of("9", "1", "101"));
        return messages;
    }

    @Test
    void frameIsBigEndianLengthThenNulTerminatedFields() {
        byte[] frame = new OutgoingMessage(List.of("71", "2", "0", "")).toFrame();
        assertArrayEquals(new byte[] {0, 0, 0, 8, '7', '1', 0, '2', 0, '0', 0, 0}, frame);
    }

    @Test
    void decodesAnyFragmentationOfTheStream() throws Exception {
        byte[] bytes = stream(sample());
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            FrameDecoder decoder = new FrameDecoder();
            List<List<String>> decoded = new ArrayList<>();
            for (int i = 0; i < bytes.length; ) {
                int piece = Math.min(bytes.length - i, round == 0 ? 1 : 1 + random.nextInt(40));
                for (byte[] body : decoder.feed(bytes, i, piece)) {
                    decoded.add(Frames.fields(body));
                }
                i += piece;
            }
            assertEquals(sample(), decoded);
            assertEquals(0, decoder.pending());
        }
    }

    @Test
    void decodesManyMessagesInOneRead() throws Exception {
        byte[] bytes = stream(sample());
        List<byte[]> bodies = new FrameDecoder().feed(bytes, 0, bytes.length);
        assertEquals(sample().size(), bodies.size());
    }

    @Test
    void holdsBackAPartialLengthAndBody() throws Exception {
        byte[] bytes = stream(List.of(List.of("9", "1", "5")));
        FrameDecoder decoder = new FrameDecoder();
        assertTrue(decoder.feed(bytes, 0, 2).isEmpty());
        assertTrue(decoder.feed(bytes, 2, 4).isEmpty());
        assertEquals(
                List.of("9", "1", "5"),
                Frames.fields(decoder.feed(bytes, 6, bytes.length - 6).get(0)));
    }

    @Test
    void rejectsAbsurdLengths() {
        byte[] huge = {0x01, 0x00, 0x00, 0x01};
        assertThrows(ProtocolException.class, () -> new FrameDecoder().feed(huge, 0, 4));
        byte[] negative = {(byte) 0xFF, 0x00, 0x00, 0x00};
        assertThrows(ProtocolException.class, () -> new FrameDecoder().feed(negative, 0, 4));
    }

    @Test
    void emptyFieldsSurviveAndTrailingNulEndsTheLastField() {
        assertEquals(List.of("1", "", "x", ""), Frames.fields("1\0\0x\0\0".getBytes()));
    }

    @Test
    void refusesFieldsThatWouldSplitTheMessage() {
        assertThrows(
                IllegalArgumentException.class, () -> new OutgoingMessage(List.of("1", "a\0b")));
    }

    @Test
    void refusesTextOutsidePrintableAsciiAsIbClientsDo() {
        // the API speaks 7-bit ASCII from server version 153 on; IB's clients refuse other text
        // (error 579)
        assertThrows(
                IllegalArgumentException.class, () -> new OutgoingMessage(List.of("20", "Zürich")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new OutgoingMessage(List.of("20", "a\u0001b")));
        assertEquals(
                List.of("20", "a\tb\r\n ~"),
                new OutgoingMessage(List.of("20", "a\tb\r\n ~")).fields());
    }
}
