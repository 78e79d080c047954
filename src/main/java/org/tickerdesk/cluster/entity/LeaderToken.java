package org.tickerdesk.cluster.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the leader writes beside the lock it holds: who it is and which term of leadership. A leader
 * that finds another token there has been replaced (the grids of two leaders merged) and steps
 * down. Kept in the grid as text, so that no class of the application has to be loaded by the grid.
 *
 * @param term counts up with every new leader, so that two tokens of one member differ
 * @param member the leader's member UUID
 * @param since when it took the lead
 */
public record LeaderToken(long term, String member, Instant since) {

    private static final String SEPARATOR = "/";

    public LeaderToken {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(since, "since");
        if (member.contains(SEPARATOR)) {
            throw new IllegalArgumentException("A member id without '/': " + member);
        }
    }

    /** The token after this one, for the member taking the lead. */
    public LeaderToken next(String newLeader, Instant at) {
        return new LeaderToken(term + 1, newLeader, at);
    }

    public String text() {
        return term + SEPARATOR + member + SEPARATOR + since.toEpochMilli();
    }

    /** The token in the text; empty for anything else (no token yet, or not one of ours). */
    public static Optional<LeaderToken> parse(Object text) {
        if (!(text instanceof String s)) {
            return Optional.empty();
        }
        String[] parts = s.split(SEPARATOR, -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new LeaderToken(
                            Long.parseLong(parts[0]),
                            parts[1],
                            Instant.ofEpochMilli(Long.parseLong(parts[2]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
