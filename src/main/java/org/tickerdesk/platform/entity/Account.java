package org.tickerdesk.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.regex.Pattern;

/** A person who may log in to the admin. Only a PBKDF2 hash of the password is kept. */
@Entity
@Table(name = "accounts")
public class Account {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{1,64}");

    @Id private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    protected Account() {
        // for JPA
    }

    public Account(String username, String passwordHash, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "A user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("An account needs a password hash");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.roleName();
        this.createdAt = Instant.now();
        this.passwordChangedAt = createdAt;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return Role.of(role);
    }
}
