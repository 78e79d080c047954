package org.tickerdesk.notifications.entity;

import java.time.Instant;
import java.util.Objects;

/** What a channel is handed to deliver: the notification, and whether to deliver it silently. */
public record Message(
        long id,
        NotificationType type,
        String title,
        String text,
        String payload,
        Instant createdAt,
        boolean silent) {

    public Message {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
