package org.tickerdesk.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * How one channel has fared, stored so that a restart does not forget that it is failing: the
 * failures in a row, since when it counts as failing (once they reach the threshold), the last
 * error and the last success. The next success clears it.
 */
@Entity
@Table(name = "notification_channels")
public class ChannelHealth {

    @Id private String channel;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_error_at")
    private Instant lastErrorAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    protected ChannelHealth() {
        // for JPA
    }

    public ChannelHealth(String channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /**
     * Counts a failure; returns whether this one made the channel failing.
     *
     * @param threshold failures in a row that make a channel failing, at least 1
     */
    public boolean failed(String error, int threshold, Instant at) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The threshold is at least 1, not " + threshold);
        }
        consecutiveFailures++;
        lastError = Notification.cut(error == null ? "failed" : error, Delivery.MAX_ERROR);
        lastErrorAt = at;
        if (failingSince == null && consecutiveFailures >= threshold) {
            failingSince = at;
            return true;
        }
        return false;
    }

    /** Counts a success; returns whether the channel was failing until now. */
    public boolean succeeded(Instant at) {
        boolean wasFailing = failingSince != null;
        consecutiveFailures = 0;
        failingSince = null;
        lastSuccessAt = at;
        return wasFailing;
    }

    public String channel() {
        return channel;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public boolean failing() {
        return failingSince != null;
    }

    public ChannelStatus status(boolean configured, String target) {
        return new ChannelStatus(
                channel,
                configured,
                target,
                consecutiveFailures,
                failingSince,
                lastError,
                lastErrorAt,
                lastSuccessAt);
    }
}
