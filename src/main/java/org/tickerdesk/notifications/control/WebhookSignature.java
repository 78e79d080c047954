package org.tickerdesk.notifications.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook's receiver knows the request came from this Tickerdesk and was not replayed: the
 * HMAC-SHA256, with the shared secret, of the timestamp header's value, a dot and the body, as
 * {@code sha256=<lower-case hex>}. Signing the timestamp with the body lets the receiver refuse an
 * old request that was captured and sent again.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Tickerdesk-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Tickerdesk-Signature";

    private WebhookSignature() {}

    /**
     * @param timestamp the {@link #TIMESTAMP_HEADER} value: seconds since the epoch
     */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
