package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.ProtocolViolationException;

/** How the parts of a text message become one request, and where that stops. */
class RequestAssemblyTest {

    private final RequestAssembly assembly = new RequestAssembly();

    @Test
    void aMessageInOnePartIsThatPart() {
        assertEquals(Optional.of("{\"op\":\"ping\"}"), assembly.add("{\"op\":\"ping\"}", true));
    }

    @Test
    void partsAreJoinedWhenTheLastArrives() {
        assertEquals(Optional.empty(), assembly.add("{\"op\":", false));
        assertEquals(Optional.empty(), assembly.add("\"ping\"", false));

        assertEquals(Optional.of("{\"op\":\"ping\"}"), assembly.add("}", true));
        assertEquals(Optional.of("{}"), assembly.add("{}", true), "and the next starts afresh");
    }

    @Test
    void exactly64KiBIsAccepted() {
        assembly.add("x".repeat(60_000), false);

        assertEquals(65_536, assembly.add("y".repeat(5_536), true).orElseThrow().length());
    }

    @Test
    void aMessageIsRefusedAsSoonAsItsPartsPass64KiB() {
        assembly.add("x".repeat(40_000), false);

        ProtocolViolationException refused =
                assertThrows(
                        ProtocolViolationException.class,
                        () -> assembly.add("x".repeat(40_000), false));

        assertEquals(ErrorCode.FRAME_TOO_LARGE, refused.code());
        assertEquals(
                "A request may have at most 65536 bytes; this one has more than 80000, and the"
                        + " connection is closed",
                refused.getMessage());
    }

    @Test
    void bytesAreCountedAsUtf8() {
        // 'é' is two bytes in UTF-8: 32,769 of them are 65,538 bytes
        ProtocolViolationException refused =
                assertThrows(
                        ProtocolViolationException.class,
                        () -> assembly.add("é".repeat(32_769), true));

        assertEquals(
                "A request may have at most 65536 bytes; this one has 65538, and the connection"
                        + " is closed",
                refused.getMessage());
    }
}
