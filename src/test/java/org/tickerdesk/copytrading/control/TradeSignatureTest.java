package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A webhook trade's signature. The expected digests were computed outside Java, with {@code printf
 * '%s' '<body>' | openssl dgst -sha256 -hmac '<secret>'}.
 */
class TradeSignatureTest {

    private static final String SECRET =
            "5f0c9a1e2b3d4c5f60718293a4b5c6d7e8f90112233445566778899aabbccdde";

    private static final byte[] BODY =
            ("{\"tradeId\":\"t-1\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":10,"
                            + "\"price\":190.12,\"time\":\"2026-11-30T10:00:00Z\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private static final String SIGNED =
            "sha256=2fb37f4d0840c0a0ecb51d9f8dbb1ba8aae856881c9b18bb5cfb27f145c53f7e";

    @Test
    void theIssuesTradeIsSignedAsOpensslSignsIt() {
        assertEquals(SIGNED, TradeSignature.sign(SECRET, BODY));
        assertTrue(TradeSignature.verify(SECRET, BODY, SIGNED));
    }

    @Test
    void theWellKnownFoxIsSignedAsEveryHmacLibrarySignsIt() {
        assertEquals(
                "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                TradeSignature.sign(
                        "key",
                        "The quick brown fox jumps over the lazy dog"
                                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void upperCaseHexAndThePrefixInAnyCaseAreTheSameSignature() {
        assertTrue(TradeSignature.verify(SECRET, BODY, SIGNED.toUpperCase()));
        assertTrue(TradeSignature.verify(SECRET, BODY, " " + SIGNED + " "));
    }

    @Test
    void oneMoreByteInTheBodyIsAnotherSignature() {
        byte[] spaced = new byte[BODY.length + 1];
        System.arraycopy(BODY, 0, spaced, 0, BODY.length);
        spaced[BODY.length] = ' ';
        // openssl: the body with a trailing space signs as 885c9aec…
        assertEquals(
                "sha256=885c9aecc8dcf245ef59d9ac34d5287d4546f912458d2b9c588d564f4237c9e5",
                TradeSignature.sign(SECRET, spaced));
        assertFalse(TradeSignature.verify(SECRET, spaced, SIGNED));
    }

    @Test
    void anythingButTheBodysSignatureWithTheSecretIsRefused() {
        assertFalse(TradeSignature.verify(SECRET, BODY, null));
        assertFalse(TradeSignature.verify(SECRET, BODY, ""));
        assertFalse(TradeSignature.verify(SECRET, BODY, SIGNED.substring("sha256=".length())));
        assertFalse(TradeSignature.verify(SECRET, BODY, SIGNED.substring(0, SIGNED.length() - 2)));
        assertFalse(TradeSignature.verify(SECRET, BODY, "sha1=" + SIGNED.substring(7)));
        assertFalse(TradeSignature.verify(SECRET, BODY, SIGNED.replace('2', 'z')));
        assertFalse(
                TradeSignature.verify(
                        SECRET.replace('5', '6'), BODY, SIGNED)); // another trader's secret
    }
}
