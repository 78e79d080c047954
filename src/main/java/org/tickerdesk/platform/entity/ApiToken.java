package org.tickerdesk.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bearer token for the REST API. The token itself is shown once and never stored: only its
 * SHA-256, which is enough because tokens are long random strings, not passwords.
 */
@Entity
@Table(name = "api_tokens")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenSha256 = :hash")
@NamedQuery(name = ApiToken.BY_NAME, query = "SELECT t FROM ApiToken t WHERE t.name = :name")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String BY_NAME = "ApiToken.byName";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Column(name = "token_sha256", nullable = false, unique = true, length = 64)
    private String tokenSha256;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiToken() {
        // for JPA
    }

    public ApiToken(String name, String tokenSha256, Role role) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("A token needs a name of 1 to 64 characters");
        }
        if (tokenSha256 == null || !tokenSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A token is stored as its SHA-256 in hex");
        }
        this.name = name;
        this.tokenSha256 = tokenSha256;
        this.role = role.roleName();
        this.createdAt = Instant.now();
    }

    public void replaceSecret(String newSha256) {
        this.tokenSha256 = newSha256;
    }

    public void used(Instant when) {
        lastUsedAt = when;
    }

    public String name() {
        return name;
    }

    public String tokenSha256() {
        return tokenSha256;
    }

    public Role role() {
        return Role.of(role);
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
