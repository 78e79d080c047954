package org.tickerdesk.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored form of {@link LoginFailures}, one row per user name or address. */
@Entity
@Table(name = "login_lockouts")
@NamedQuery(name = LoginLockout.ALL, query = "SELECT l FROM LoginLockout l")
public class LoginLockout {

    public static final String ALL = "LoginLockout.all";

    @Id private String subject;

    @Column(nullable = false)
    private int failures;

    @Column(nullable = false)
    private int lockouts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LoginLockout() {
        // for JPA
    }

    public LoginLockout(String subject) {
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }

    public LoginFailures failures() {
        return new LoginFailures(
                failures, lockouts, lockedUntil == null ? Instant.MIN : lockedUntil);
    }

    public void record(LoginFailures now, Instant at) {
        this.failures = now.count();
        this.lockouts = now.lockouts();
        this.lockedUntil = now.lockedUntil().equals(Instant.MIN) ? null : now.lockedUntil();
        this.updatedAt = at;
    }
}
