package org.tickerdesk.platform.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.tickerdesk.platform.entity.ApiToken;
import org.tickerdesk.platform.entity.Role;

/** Bearer tokens for the REST API, kept as SHA-256 hashes. */
@Stateless
public class ApiTokens {

    static final String BOOTSTRAP = "bootstrap";

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject VerifiedTokens recent;

    /** The role a presented token grants, if it is one of ours. */
    public Optional<Role> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Optional<Role> trusted = recent.recent(hash);
        if (trusted.isPresent()) {
            return trusted;
        }
        Optional<ApiToken> found =
                em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                        .setParameter("hash", hash)
                        .getResultStream()
                        .findFirst();
        found.ifPresent(
                t -> {
                    Instant now = Instant.now();
                    // a write per call would be a write per request; minute precision is what the
                    // admin needs
                    if (t.lastUsedAt() == null
                            || t.lastUsedAt().isBefore(now.minus(1, ChronoUnit.MINUTES))) {
                        t.used(now);
                    }
                    recent.confirmed(hash, t.role());
                });
        return found.map(ApiToken::role);
    }

    /**
     * Makes the configured bootstrap token (TICKERDESK_API_TOKEN) valid as an admin token,
     * replacing an earlier bootstrap token when the configured one changed.
     */
    public void installBootstrap(String token) {
        if (token.length() < 16) {
            throw new IllegalArgumentException(
                    "TICKERDESK_API_TOKEN must be at least 16 characters long");
        }
        String hash = sha256(token);
        recent.forgetAll();
        Optional<ApiToken> existing =
                em.createNamedQuery(ApiToken.BY_NAME, ApiToken.class)
                        .setParameter("name", BOOTSTRAP)
                        .getResultStream()
                        .findFirst();
        if (existing.isPresent()) {
            if (!existing.get().tokenSha256().equals(hash)) {
                existing.get().replaceSecret(hash);
            }
        } else {
            em.persist(new ApiToken(BOOTSTRAP, hash, Role.ADMIN));
        }
    }

    static String sha256(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
