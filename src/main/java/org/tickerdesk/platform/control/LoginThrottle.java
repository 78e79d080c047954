package org.tickerdesk.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.platform.entity.LoginFailures;

/**
 * Slows down password guessing: after {@code tickerdesk.login.max-failures} failed logins for a
 * user name, or from one address, further attempts are refused for the lock-out time, which doubles
 * with each further lock-out. A successful login clears the user's record. Records are kept in the
 * {@link LockoutStore} as well as in memory, so a restart lifts no lock-out; the store is read
 * once, when the throttle is first used.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    /** Longer subjects (a user name nobody has) are stored by their hash. */
    static final int LONGEST_SUBJECT = 128;

    private final Map<String, LoginFailures> failures = new ConcurrentHashMap<>();
    private int maxFailures;
    private Duration lockout;
    private Clock clock;
    private LockoutStore store;

    protected LoginThrottle() {
        // for CDI
    }

    @Inject
    public LoginThrottle(
            @ConfigProperty(name = "tickerdesk.login.max-failures") int maxFailures,
            @ConfigProperty(name = "tickerdesk.login.lockout-seconds") long lockoutSeconds,
            Clock clock,
            LockoutStore store) {
        this(maxFailures, Duration.ofSeconds(lockoutSeconds), clock, store);
    }

    LoginThrottle(int maxFailures, Duration lockout, Clock clock, LockoutStore store) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
        this.store = store;
        try {
            failures.putAll(store.all());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stored login lock-outs could not be read", e);
        }
    }

    /** How long the user or address must still wait; zero when a login may be tried now. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(failures.get(userKey(username)), now);
        Duration host = remaining(failures.get(addressKey(address)), now);
        return user.compareTo(host) >= 0 ? user : host;
    }

    public void failed(String username, String address) {
        record(userKey(username));
        record(addressKey(address));
    }

    public void succeeded(String username, String address) {
        forget(userKey(username));
        forget(addressKey(address));
    }

    private void record(String key) {
        Instant now = clock.instant();
        LoginFailures updated =
                failures.compute(
                        key,
                        (k, f) -> {
                            LoginFailures current = f == null ? LoginFailures.NONE : f;
                            int count = current.count() + 1;
                            if (count < maxFailures) {
                                return new LoginFailures(
                                        count, current.lockouts(), current.lockedUntil());
                            }
                            Duration penalty =
                                    lockout.multipliedBy(1L << Math.min(current.lockouts(), 10));
                            return new LoginFailures(0, current.lockouts() + 1, now.plus(penalty));
                        });
        try {
            store.save(key, updated);
        } catch (RuntimeException e) {
            // the lock-out still holds in memory; only a restart would lift it
            LOG.log(Level.WARNING, "A failed login could not be stored", e);
        }
    }

    private void forget(String key) {
        if (failures.remove(key) != null) {
            try {
                store.remove(key);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A cleared login record could not be removed", e);
            }
        }
    }

    private static Duration remaining(LoginFailures f, Instant now) {
        if (f == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    static String userKey(String username) {
        return subject("user:", username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return subject("address:", address);
    }

    private static String subject(String kind, String value) {
        String subject = kind + value;
        return subject.length() <= LONGEST_SUBJECT ? subject : kind + "sha256:" + sha256(value);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
