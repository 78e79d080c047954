package org.tickerdesk.notifications.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tickerdesk.notifications.entity.ChannelStatus;
import org.tickerdesk.notifications.entity.DeliverySnapshot;
import org.tickerdesk.notifications.entity.Message;
import org.tickerdesk.notifications.entity.NotificationSnapshot;

/**
 * The JSON of notifications: a message as a webhook receives it, a notification with its deliveries
 * and a channel's state as the API and the stream give them. What has no value is absent; instants
 * are ISO-8601 to the millisecond.
 */
public final class MessageJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private MessageJson() {}

    /** The body a webhook is sent. */
    public static JsonObject of(Message message) {
        return JSON.createObjectBuilder()
                .add("id", message.id())
                .add("type", message.type().name())
                .add("title", message.title())
                .add("text", message.text())
                .add("payload", payload(message.payload()))
                .add("createdAt", instant(message.createdAt()))
                .add("silent", message.silent())
                .build();
    }

    public static JsonObject of(NotificationSnapshot notification) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("id", notification.id())
                        .add("type", notification.type().name())
                        .add("title", notification.title())
                        .add("text", notification.text())
                        .add("payload", payload(notification.payload()))
                        .add("createdAt", instant(notification.createdAt()));
        if (notification.readAt() != null) {
            json.add("readAt", instant(notification.readAt()));
        }
        var deliveries = JSON.createArrayBuilder();
        notification.deliveries().forEach(d -> deliveries.add(of(d)));
        return json.add("deliveries", deliveries).build();
    }

    public static JsonObject of(DeliverySnapshot delivery) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("channel", delivery.channel())
                        .add("state", delivery.state().name())
                        .add("silent", delivery.silent())
                        .add("attempts", delivery.attempts());
        if (delivery.nextAttemptAt() != null) {
            json.add("nextAttemptAt", instant(delivery.nextAttemptAt()));
        }
        if (delivery.lastError() != null) {
            json.add("lastError", delivery.lastError());
        }
        if (delivery.sentAt() != null) {
            json.add("sentAt", instant(delivery.sentAt()));
        }
        return json.build();
    }

    /** A channel as the API, the page and the stream show it; never a secret. */
    public static JsonObject of(ChannelStatus channel) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("name", channel.name())
                        .add("configured", channel.configured())
                        .add("target", channel.target())
                        .add("failing", channel.failing())
                        .add("consecutiveFailures", channel.consecutiveFailures());
        if (channel.failingSince() != null) {
            json.add("failingSince", instant(channel.failingSince()));
        }
        if (channel.lastError() != null) {
            json.add("lastError", channel.lastError());
        }
        if (channel.lastErrorAt() != null) {
            json.add("lastErrorAt", instant(channel.lastErrorAt()));
        }
        if (channel.lastSuccessAt() != null) {
            json.add("lastSuccessAt", instant(channel.lastSuccessAt()));
        }
        return json.build();
    }

    static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static JsonValue payload(String payload) {
        try (var reader = JSON.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }
}
