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
import java.util.List;
import java.util.Objects;

/**
 * One thing worth telling, as stored in the outbox: its type, a title and a text a person reads,
 * and a small JSON payload of the ids and symbols it is about, for a program. Read once the admin
 * has seen it in the bell.
 */
@Entity
@Table(name = "notifications")
public class Notification {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationType type;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
        // for JPA
    }

    public Notification(
            NotificationType type, String title, String text, String payload, Instant at) {
        this.type = Objects.requireNonNull(type, "type");
        this.title = cut(Objects.requireNonNull(title, "title"), MAX_TITLE);
        this.text = cut(Objects.requireNonNull(text, "text"), MAX_TEXT);
        this.payload = payload == null || payload.isBlank() ? "{}" : payload;
        if (!this.payload.startsWith("{")) {
            throw new IllegalArgumentException("A payload is a JSON object, not " + payload);
        }
        if (this.title.isBlank()) {
            throw new IllegalArgumentException("A notification has a title");
        }
        this.createdAt = Objects.requireNonNull(at, "at");
    }

    /** A text too long for its column is cut, with an ellipsis saying so. */
    static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    public long id() {
        return id;
    }

    public NotificationType type() {
        return type;
    }

    public void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public NotificationSnapshot snapshot(List<DeliverySnapshot> deliveries) {
        return new NotificationSnapshot(
                id, type, title, text, payload, createdAt, readAt, deliveries);
    }

    public Message message(boolean silent) {
        return new Message(id, type, title, text, payload, createdAt, silent);
    }
}
