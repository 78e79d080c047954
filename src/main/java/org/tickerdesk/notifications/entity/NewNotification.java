package org.tickerdesk.notifications.entity;

import java.util.Objects;

/**
 * What an observer of another component's change asks the outbox to record: the type, the title and
 * text a person reads, and the payload (a JSON object of ids and symbols) for a program.
 */
public record NewNotification(NotificationType type, String title, String text, String payload) {

    public NewNotification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(payload, "payload");
    }
}
