package org.tickerdesk.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.platform.entity.LoginFailures;
import org.tickerdesk.testing.SettableClock;

class LoginThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final InMemoryLockoutStore store = new InMemoryLockoutStore();
    private final LoginThrottle throttle =
            new LoginThrottle(3, Duration.ofSeconds(60), clock, store);

    @Test
    void aFewMistakesAreForgiven() {
        throttle.failed("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.waitFor("admin", "10.0.0.1"));
    }

    @Test
    void tooManyFailuresLockTheUserOutFromEveryAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", "10.0.0." + i);
        }
        assertEquals(Duration.ofSeconds(60), throttle.waitFor("ADMIN", "192.168.1.1"));
        clock.advance(Duration.ofSeconds(61));
        assertEquals(Duration.ZERO, throttle.waitFor("admin", "192.168.1.1"));
    }

    @Test
    void tooManyFailuresFromOneAddressLockItOutForEveryUser() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertTrue(throttle.waitFor("someone-else", "10.0.0.9").toSeconds() > 0);
    }

    @Test
    void eachFurtherLockoutLastsTwiceAsLong() {
        lockOut();
        clock.advance(Duration.ofSeconds(61));
        lockOut();
        assertEquals(Duration.ofSeconds(120), throttle.waitFor("admin", "10.0.0.1"));
    }

    @Test
    void aSuccessClearsTheRecord() {
        throttle.failed("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        throttle.succeeded("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.waitFor("admin", "10.0.0.1"));
    }

    @Test
    void aLockOutSurvivesARestart() {
        lockOut();
        clock.advance(Duration.ofSeconds(10));

        LoginThrottle restarted = new LoginThrottle(3, Duration.ofSeconds(60), clock, store);

        assertEquals(Duration.ofSeconds(50), restarted.waitFor("admin", "10.0.0.2"));
        assertEquals(Duration.ofSeconds(50), restarted.waitFor("bob", "10.0.0.1"));
    }

    @Test
    void aRestartKeepsTheCountAndTheDoubling() {
        lockOut();
        clock.advance(Duration.ofSeconds(61));
        throttle.failed("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");

        LoginThrottle restarted = new LoginThrottle(3, Duration.ofSeconds(60), clock, store);
        restarted.failed("admin", "10.0.0.1");

        assertEquals(Duration.ofSeconds(120), restarted.waitFor("admin", "10.0.0.1"));
    }

    @Test
    void aSuccessIsForgottenInTheStoreToo() {
        throttle.failed("admin", "10.0.0.1");
        throttle.succeeded("admin", "10.0.0.1");
        assertTrue(store.rows.isEmpty(), store.rows.toString());
    }

    @Test
    void aHugeUserNameIsStoredByItsHash() {
        throttle.failed("x".repeat(10_000), "10.0.0.1");
        assertTrue(
                store.rows.keySet().stream().allMatch(k -> k.length() <= 160),
                store.rows.keySet().toString());
        assertEquals(2, store.rows.size());
    }

    @Test
    void anUnreadableStoreLeavesTheThrottleWorkingInMemory() {
        LockoutStore broken =
                new InMemoryLockoutStore() {
                    @Override
                    public Map<String, LoginFailures> all() {
                        throw new IllegalStateException("database down");
                    }

                    @Override
                    public void save(String subject, LoginFailures f) {
                        throw new IllegalStateException("database down");
                    }
                };
        LoginThrottle inMemory = new LoginThrottle(3, Duration.ofSeconds(60), clock, broken);
        for (int i = 0; i < 3; i++) {
            inMemory.failed("admin", "10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(60), inMemory.waitFor("admin", "10.0.0.1"));
    }

    private void lockOut() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
    }
}
