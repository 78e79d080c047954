package org.tickerdesk.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tickerdesk.platform.entity.Role;

/** A token the database confirmed is trusted for ten seconds, and not a nanosecond longer. */
class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(5_000);
    private final VerifiedTokens tokens = new VerifiedTokens(now::get);

    @Test
    void aConfirmedTokenIsTrustedUntilTenSecondsHavePassed() {
        tokens.confirmed("h1", Role.ADMIN);

        now.addAndGet(9_999_999_999L);
        assertEquals(Optional.of(Role.ADMIN), tokens.recent("h1"));

        now.addAndGet(1);
        assertEquals(Optional.empty(), tokens.recent("h1"));
        assertEquals(Optional.empty(), tokens.recent("h1"), "and forgotten once stale");
    }

    @Test
    void aTokenNeverConfirmedIsNotTrusted() {
        tokens.confirmed("h1", Role.ADMIN);

        assertEquals(Optional.empty(), tokens.recent("h2"));
    }

    @Test
    void replacedTokensAreForgottenAtOnce() {
        tokens.confirmed("h1", Role.ADMIN);

        tokens.forgetAll();

        assertEquals(Optional.empty(), tokens.recent("h1"));
    }

    @Test
    void pastTheMostTokensTheMemoryStartsOver() {
        for (int i = 0; i < VerifiedTokens.MOST; i++) {
            tokens.confirmed("h" + i, Role.ADMIN);
        }
        tokens.confirmed("newest", Role.ADMIN);

        assertEquals(Optional.empty(), tokens.recent("h0"));
        assertEquals(Optional.of(Role.ADMIN), tokens.recent("newest"));
    }
}
