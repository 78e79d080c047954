package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.Op;
import org.tickerdesk.streaming.entity.ProtocolViolationException;
import org.tickerdesk.streaming.entity.Request;

class RequestReaderTest {

    @Test
    void readsASubscribe() {
        Request request =
                RequestReader.read(
                        "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:AAPL\",\"quotes:*\"],\"snapshot\":true}");

        assertEquals(Op.SUBSCRIBE, request.op());
        assertEquals(Json.createValue(1), request.id());
        assertEquals(List.of("quotes:AAPL", "quotes:*"), request.streams());
        assertTrue(request.snapshot());
    }

    @Test
    void snapshotDefaultsToFalseAndUnknownMembersAreIgnored() {
        Request request =
                RequestReader.read(
                        "{\"op\":\"subscribe\",\"streams\":[\"quotes:AAPL\"],\"maxRate\":5,"
                                + "\"since\":{\"quotes:AAPL\":{\"epoch\":\"x\",\"offset\":3}}}");

        assertFalse(request.snapshot());
        assertNull(request.id());
    }

    @Test
    void readsTheOtherOps() {
        assertEquals(
                List.of("quotes:AAPL"),
                RequestReader.read("{\"op\":\"unsubscribe\",\"streams\":[\"quotes:AAPL\"]}")
                        .streams());
        assertEquals(
                Op.LIST_SUBSCRIPTIONS, RequestReader.read("{\"op\":\"list_subscriptions\"}").op());
        assertEquals(
                Json.createValue("p-1"),
                RequestReader.read("{\"op\":\"ping\",\"id\":\"p-1\"}").id());
    }

    @Test
    void aNullIdIsNoId() {
        assertNull(RequestReader.read("{\"op\":\"ping\",\"id\":null}").id());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ping",
                "{\"op\":\"ping\"",
                "{op:\"ping\"}",
                "[{\"op\":\"ping\"}]",
                "\"ping\"",
                "42",
                "null",
                "{\"op\":\"ping\"} {\"op\":\"ping\"}",
                "{\"op\":\"ping\"} x"
            })
    void whatIsNotOneJsonObjectIsABadRequest(String text) {
        ProtocolViolationException error = refused(text);

        assertEquals(ErrorCode.BAD_REQUEST, error.code());
        assertNull(error.id());
    }

    @Test
    void deeplyNestedJsonIsRefusedBeforeParsing() {
        ProtocolViolationException error =
                refused("{\"op\":\"ping\",\"x\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}");

        assertEquals(ErrorCode.BAD_REQUEST, error.code());
        assertTrue(error.getMessage().contains("nested"), error.getMessage());
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        Request request =
                RequestReader.read("{\"op\":\"ping\",\"id\":\"[[[[[[[[[[{{{{{{{{\\\"[[[[[[[[[\"}");

        assertEquals(Json.createValue("[[[[[[[[[[{{{{{{{{\"[[[[[[[[["), request.id());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"op\":\"ping\",\"id\":{}}",
                "{\"op\":\"ping\",\"id\":[1]}",
                "{\"op\":\"ping\",\"id\":true}"
            })
    void anIdThatIsNeitherStringNorNumberIsABadRequest(String text) {
        ProtocolViolationException error = refused(text);

        assertEquals(ErrorCode.BAD_REQUEST, error.code());
        assertEquals("id must be a string or a number", error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":7}", "{\"id\":7,\"op\":1}", "{\"id\":7,\"op\":null}"})
    void aMissingOrIllTypedOpIsABadRequestThatEchoesTheId(String text) {
        ProtocolViolationException error = refused(text);

        assertEquals(ErrorCode.BAD_REQUEST, error.code());
        assertEquals(Json.createValue(7), error.id());
    }

    @Test
    void anOpTheProtocolDoesNotHaveIsAnUnknownOp() {
        ProtocolViolationException error = refused("{\"op\":\"subscribe_all\",\"id\":\"x\"}");

        assertEquals(ErrorCode.UNKNOWN_OP, error.code());
        assertEquals(Json.createValue("x"), error.id());
        assertEquals(
                "'subscribe_all' is not an op: use one of subscribe, unsubscribe,"
                        + " list_subscriptions, ping",
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"op\":\"subscribe\",\"id\":3}",
                "{\"op\":\"subscribe\",\"id\":3,\"streams\":\"quotes:AAPL\"}",
                "{\"op\":\"subscribe\",\"id\":3,\"streams\":[]}",
                "{\"op\":\"unsubscribe\",\"id\":3,\"streams\":[\"quotes:AAPL\",1]}",
                "{\"op\":\"subscribe\",\"id\":3,\"streams\":[null]}",
                "{\"op\":\"subscribe\",\"id\":3,\"streams\":[\"quotes:AAPL\"],\"snapshot\":\"yes\"}"
            })
    void illTypedStreamsOrSnapshotAreABadRequestThatEchoesTheId(String text) {
        ProtocolViolationException error = refused(text);

        assertEquals(ErrorCode.BAD_REQUEST, error.code());
        assertEquals(Json.createValue(3), error.id());
    }

    @Test
    void aFrameOver64KiBIsTooLarge() {
        String padding = "x".repeat(FrameGuard.MAX_FRAME_BYTES);

        ProtocolViolationException error = refused("{\"op\":\"ping\",\"id\":\"" + padding + "\"}");

        assertEquals(ErrorCode.FRAME_TOO_LARGE, error.code());
        assertNull(error.id());
    }

    @Test
    void aFrameOfExactly64KiBIsRead() {
        String frame = "{\"op\":\"ping\"}";
        String padded = frame + " ".repeat(FrameGuard.MAX_FRAME_BYTES - frame.length());

        assertEquals(Op.PING, RequestReader.read(padded).op());
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        String euros = "\u20ac".repeat(22_000);

        assertEquals(66_000, FrameGuard.utf8Length(euros));
        assertEquals(
                ErrorCode.FRAME_TOO_LARGE,
                refused("{\"op\":\"ping\",\"id\":\"" + euros + "\"}").code());
        assertEquals(4, FrameGuard.utf8Length("\uD83D\uDE00"));
        assertEquals(2, FrameGuard.utf8Length("\u00e9"));
    }

    private static ProtocolViolationException refused(String text) {
        return assertThrows(ProtocolViolationException.class, () -> RequestReader.read(text));
    }
}
