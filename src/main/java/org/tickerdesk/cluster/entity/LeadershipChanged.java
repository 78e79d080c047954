package org.tickerdesk.cluster.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * This instance started or stopped leading. Fired synchronously on the leadership thread, so an
 * observer must return quickly: the lock is not checked while it runs.
 *
 * @param leading whether this instance leads now
 * @param leader the leading member's UUID; null when it stepped down and no leader is known yet
 * @param since when the change happened
 */
public record LeadershipChanged(boolean leading, String leader, Instant since) {

    public LeadershipChanged {
        Objects.requireNonNull(since, "since");
    }
}
