package org.tickerdesk.cluster.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaderTokenTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123Z");

    @Test
    void isWrittenAsTermMemberAndMillisAndReadBack() {
        LeaderToken token = new LeaderToken(3, "9f1c-member", AT);

        assertEquals("3/9f1c-member/1796033730123", token.text());
        assertEquals(Optional.of(token), LeaderToken.parse("3/9f1c-member/1796033730123"));
    }

    @Test
    void theNextLeadersTokenCountsTheTermOn() {
        LeaderToken next = new LeaderToken(3, "a", AT).next("b", AT.plusSeconds(1));

        assertEquals(new LeaderToken(4, "b", AT.plusSeconds(1)), next);
    }

    @Test
    void anythingElseIsNoToken() {
        assertEquals(Optional.empty(), LeaderToken.parse(null));
        assertEquals(Optional.empty(), LeaderToken.parse(42));
        assertEquals(Optional.empty(), LeaderToken.parse("3/a"));
        assertEquals(Optional.empty(), LeaderToken.parse("x/a/1"));
        assertEquals(Optional.empty(), LeaderToken.parse("3//1"));
    }

    @Test
    void aMemberIdCannotHoldTheSeparator() {
        assertThrows(IllegalArgumentException.class, () -> new LeaderToken(1, "a/b", AT));
    }
}
