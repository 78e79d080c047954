package org.tickerdesk.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after {@code tickerdesk.login.max-failures} failed logins for a
 * user name, or from one address, further attempts are refused for the lock-out time, which doubles
 * with each further lock-out. A successful login clears the user's record.
 */
@ApplicationScoped
public class LoginThrottle {

    private record Failures(int count, int lockouts, Instant lockedUntil) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private int maxFailures;
    private Duration lockout;
    private Clock clock;

    protected LoginThrottle() {
        // for CDI
    }

    @Inject
    public LoginThrottle(
            @ConfigProperty(name = "tickerdesk.login.max-failures") int maxFailures,
            @ConfigProperty(name = "tickerdesk.login.lockout-seconds") long lockoutSeconds) {
        this(maxFailures, Duration.ofSeconds(lockoutSeconds), Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
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
        failures.remove(userKey(username));
        failures.remove(addressKey(address));
    }

    private void record(String key) {
        Instant now = clock.instant();
        failures.compute(
                key,
                (k, f) -> {
                    Failures current = f == null ? new Failures(0, 0, Instant.MIN) : f;
                    int count = current.count() + 1;
                    if (count < maxFailures) {
                        return new Failures(count, current.lockouts(), current.lockedUntil());
                    }
                    Duration penalty = lockout.multipliedBy(1L << Math.min(current.lockouts(), 10));
                    return new Failures(0, current.lockouts() + 1, now.plus(penalty));
                });
    }

    private static Duration remaining(Failures f, Instant now) {
        if (f == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
