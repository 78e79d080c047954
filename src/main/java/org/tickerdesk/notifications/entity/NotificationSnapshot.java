package org.tickerdesk.notifications.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A notification with its deliveries, as the API, the page and the stream show it. */
public record NotificationSnapshot(
        long id,
        NotificationType type,
        String title,
        String text,
        String payload,
        Instant createdAt,
        Instant readAt,
        List<DeliverySnapshot> deliveries) {

    public NotificationSnapshot {
        Objects.requireNonNull(type, "type");
        deliveries = List.copyOf(deliveries);
    }

    public Optional<DeliverySnapshot> delivery(String channel) {
        return deliveries.stream().filter(d -> d.channel().equals(channel)).findFirst();
    }

    /** Whether a delivery still waits to go out. */
    public boolean unsent() {
        return deliveries.stream().anyMatch(d -> d.state() != DeliveryState.SENT);
    }
}
