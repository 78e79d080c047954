package org.tickerdesk.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2 password hashes, with the parameters the database identity store verifies them with (see
 * {@code SecurityConfiguration}): HMAC-SHA512, 210,000 iterations, as OWASP recommends.
 */
@ApplicationScoped
public class PasswordHashing {

    public static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    public static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    public static final String SALT = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    public static final String KEY = "Pbkdf2PasswordHash.KeySizeBytes=64";

    @Inject Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(
                Map.of(
                        "Pbkdf2PasswordHash.Algorithm", value(ALGORITHM),
                        "Pbkdf2PasswordHash.Iterations", value(ITERATIONS),
                        "Pbkdf2PasswordHash.SaltSizeBytes", value(SALT),
                        "Pbkdf2PasswordHash.KeySizeBytes", value(KEY)));
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    public boolean verify(char[] password, String hash) {
        return pbkdf2.verify(password, hash);
    }

    private static String value(String parameter) {
        return parameter.substring(parameter.indexOf('=') + 1);
    }
}
