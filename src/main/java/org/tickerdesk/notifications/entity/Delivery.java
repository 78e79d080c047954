package org.tickerdesk.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification on its way through one channel. It moves from pending to sent, or to failed and
 * back through another attempt as often as it takes; once sent it never changes again, so a
 * notification reaches a channel at most once for every time the dispatcher saw it succeed.
 */
@Entity
@Table(name = "notification_deliveries")
public class Delivery {

    public static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "notification_id", nullable = false)
    private long notificationId;

    @Column(nullable = false)
    private String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryState state;

    @Column(nullable = false)
    private boolean silent;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Delivery() {
        // for JPA
    }

    /** Due at once. */
    public Delivery(long notificationId, String channel, boolean silent, Instant at) {
        this.notificationId = notificationId;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.silent = silent;
        this.state = DeliveryState.PENDING;
        this.nextAttemptAt = Objects.requireNonNull(at, "at");
        this.updatedAt = at;
    }

    public long id() {
        return id;
    }

    public long notificationId() {
        return notificationId;
    }

    public String channel() {
        return channel;
    }

    public DeliveryState state() {
        return state;
    }

    public boolean silent() {
        return silent;
    }

    public int attempts() {
        return attempts;
    }

    /** Taken by a dispatcher until then: another one leaves it alone meanwhile. */
    public void claim(Instant until, Instant at) {
        requireUnsent();
        nextAttemptAt = until;
        updatedAt = at;
    }

    public void sent(Instant at) {
        requireUnsent();
        attempts++;
        state = DeliveryState.SENT;
        sentAt = at;
        nextAttemptAt = null;
        lastError = null;
        updatedAt = at;
    }

    public void failed(String error, Instant next, Instant at) {
        requireUnsent();
        attempts++;
        state = DeliveryState.FAILED;
        lastError = Notification.cut(error == null ? "failed" : error, MAX_ERROR);
        nextAttemptAt = Objects.requireNonNull(next, "next");
        updatedAt = at;
    }

    private void requireUnsent() {
        if (state == DeliveryState.SENT) {
            throw new IllegalStateException(
                    "Delivery " + id + " through " + channel + " was sent already");
        }
    }

    public DeliverySnapshot snapshot() {
        return new DeliverySnapshot(
                channel, state, silent, attempts, nextAttemptAt, lastError, sentAt);
    }
}
