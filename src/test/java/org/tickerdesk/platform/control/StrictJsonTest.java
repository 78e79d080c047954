package org.tickerdesk.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the strict reader takes (one JSON object, nothing after it) and what it refuses, each with a
 * problem saying why: the status, the code and words a caller can act on.
 */
class StrictJsonTest {

    private final StrictJson json = new StrictJson(1024);

    @Test
    void oneObjectIsReadAsItIs() {
        assertEquals(
                "{\"symbol\":\"AAPL\",\"tickSize\":0.01,\"nested\":{\"list\":[1,true,null]}}",
                json.readObject(
                                " {\"symbol\":\"AAPL\",\"tickSize\":0.01,"
                                        + "\"nested\":{\"list\":[1,true,null]}}\n")
                        .toString());
    }

    @Test
    void whereSeveralMayBeSentAnArrayIsReadAsStrictlyAsAnObject() {
        assertEquals("[{\"a\":1},{\"b\":2}]", structure("[{\"a\":1},{\"b\":2}]").toString());
        assertEquals("{\"a\":1}", structure("{\"a\":1}").toString());
        ProblemException twice =
                assertThrows(ProblemException.class, () -> structure("[{\"a\":1,\"a\":2}]"));
        assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());
        ProblemException text = assertThrows(ProblemException.class, () -> structure("\"AAPL\""));
        assertEquals("The body must be a JSON object or array, not a string", text.getMessage());
        ProblemException trailing = assertThrows(ProblemException.class, () -> structure("[] []"));
        assertTrue(trailing.getMessage().startsWith("Text follows"), trailing.getMessage());
    }

    private JsonStructure structure(String body) {
        return json.readStructure(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anythingButAnObjectIsRefusedNamingWhatCame() {
        assertBadRequest("null", "The body must be a JSON object, not null");
        assertBadRequest("[]", "The body must be a JSON object, not an array");
        assertBadRequest("\"AAPL\"", "The body must be a JSON object, not a string");
        assertBadRequest("42", "The body must be a JSON object, not a number");
        assertBadRequest("true", "The body must be a JSON object, not a boolean");
        assertBadRequest("", "The body is empty; send a JSON object");
    }

    @Test
    void textAfterTheObjectIsRefused() {
        assertBadRequest("{\"symbol\":\"A\"} trailing", "Text follows the JSON object");
        assertBadRequest("{\"symbol\":\"A\"}{\"symbol\":\"B\"}", "Text follows the JSON object");
    }

    @Test
    void aKeyGivenTwiceIsRefusedWhereverItIs() {
        assertBadRequest(
                "{\"symbol\":\"A\",\"symbol\":\"B\"}",
                "The field 'symbol' appears twice at line 1");
        assertBadRequest("{\"a\":{\"b\":1,\"b\":2}}", "The field 'b' appears twice");
    }

    @Test
    void brokenJsonIsRefusedSayingWhere() {
        assertBadRequest("{\"symbol\":", "The body is not valid JSON at line 1");
        assertBadRequest("{symbol:1}", "The body is not valid JSON at line 1");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedBeforeItIsBuilt() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        ProblemException e =
                assertThrows(
                        ProblemException.class, () -> new StrictJson(1_000_000).readObject(deep));
        assertEquals(400, e.status());
        assertTrue(
                e.getMessage().startsWith("The body nests deeper than 32 levels"), e.getMessage());
        String thirtyTwo = "{\"a\":" + "[".repeat(31) + "]".repeat(31) + "}";
        assertEquals(thirtyTwo, json.readObject(thirtyTwo).toString(), "32 levels are fine");
    }

    @Test
    void aBodyOverTheLimitIsRefusedAfterReadingNoMoreThanTheLimit() {
        AtomicLong served = new AtomicLong();
        InputStream fiveMegabyteArray =
                new InputStream() {
                    private final long size = 5_000_000;

                    @Override
                    public int read() {
                        long at = served.getAndIncrement();
                        if (at >= size) {
                            return -1;
                        }
                        return at == 0 ? '{' : at < 6 ? "\"a\":[".charAt((int) at - 1) : '1';
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = 0;
                        while (n < len) {
                            int c = read();
                            if (c < 0) {
                                return n == 0 ? -1 : n;
                            }
                            b[off + n++] = (byte) c;
                        }
                        return n;
                    }
                };
        ProblemException e =
                assertThrows(ProblemException.class, () -> json.readObject(fiveMegabyteArray));
        assertEquals(413, e.status());
        assertEquals("payload_too_large", e.code());
        assertEquals("The body is larger than 1024 bytes", e.getMessage());
        assertTrue(served.get() <= 1025 + 8192, "read only about the limit: " + served.get());
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedAtOnce() {
        json.checkAnnouncedLength(1024);
        json.checkAnnouncedLength(-1);
        ProblemException e =
                assertThrows(ProblemException.class, () -> json.checkAnnouncedLength(5_000_000));
        assertEquals(413, e.status());
    }

    @Test
    void aKeyIsShownWithItsControlCharactersVisible() {
        assertEquals("'a\\u0000b'", StrictJson.quoted("a\u0000b"));
    }

    private void assertBadRequest(String body, String start) {
        ProblemException e = assertThrows(ProblemException.class, () -> json.readObject(body));
        assertEquals(400, e.status(), e.getMessage());
        assertEquals("bad_request", e.code());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
