package org.tickerdesk.notifications.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * The webhook's signature, checked against a value computed outside Java: {@code printf '%s'
 * '1763649672.{"id":41,"type":"TEST","title":"Test message"}' | openssl dgst -sha256 -hmac
 * 'whsec_5b2f0c'}.
 */
class WebhookSignatureTest {

    private static final String BODY = "{\"id\":41,\"type\":\"TEST\",\"title\":\"Test message\"}";

    @Test
    void isTheHexHmacSha256OfTheTimestampADotAndTheBody() {
        assertEquals(
                "sha256=3b9119caa89fa04991ea9b25402254a729f47cca15c95875d2e1e1fc101b1faf",
                WebhookSignature.sign("whsec_5b2f0c", "1763649672", BODY));
    }

    @Test
    void anotherTimestampSignsDifferentlySoAnOldRequestCannotBeReplayedAsNew() {
        assertNotEquals(
                WebhookSignature.sign("whsec_5b2f0c", "1763649672", BODY),
                WebhookSignature.sign("whsec_5b2f0c", "1763649673", BODY));
    }
}
