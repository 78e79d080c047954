package org.tickerdesk.copytrading.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook trade proves it comes from whoever holds the trader's secret: the header {@value
 * #HEADER} is {@code sha256=} and the lower- or upper-case hex HMAC-SHA256 of the exact bytes of
 * the body, keyed with the secret as it was shown (its 64 hex characters as text, the key {@code
 * openssl dgst -sha256 -hmac <secret>} takes). Compared in constant time, so the time of a refusal
 * tells nothing of how much of a guess was right.
 */
public final class TradeSignature {

    public static final String HEADER = "X-Tickerdesk-Signature";

    static final String PREFIX = "sha256=";

    private TradeSignature() {}

    /** {@code sha256=<lower-case hex>} of the body with the secret. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, body));
    }

    /** Whether {@code header} is the body's signature with the secret; false when absent. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null || secret == null) {
            return false;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String hex = value.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, body), HexFormat.of().parseHex(hex));
    }

    private static byte[] mac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
