package org.tickerdesk.notifications.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery as it stands: through which channel, how far, how many attempts, when the next one is
 * due (none once sent), why the last failed, and when it was sent.
 */
public record DeliverySnapshot(
        String channel,
        DeliveryState state,
        boolean silent,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant sentAt) {

    public DeliverySnapshot {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
    }
}
