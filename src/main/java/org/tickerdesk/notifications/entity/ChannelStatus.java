package org.tickerdesk.notifications.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A channel as the admin sees it: whether it is configured (an unconfigured one gets no
 * deliveries), where it delivers (never a secret), and how it has fared: failing since when, after
 * how many failures in a row, the last error, the last success.
 */
public record ChannelStatus(
        String name,
        boolean configured,
        String target,
        int consecutiveFailures,
        Instant failingSince,
        String lastError,
        Instant lastErrorAt,
        Instant lastSuccessAt) {

    public ChannelStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
    }

    public boolean failing() {
        return failingSince != null;
    }
}
