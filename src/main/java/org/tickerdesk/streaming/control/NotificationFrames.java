package org.tickerdesk.streaming.control;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import org.tickerdesk.notifications.control.MessageJson;
import org.tickerdesk.notifications.entity.ChannelStatus;
import org.tickerdesk.notifications.entity.NotificationSnapshot;

/**
 * Writes the messages of the private {@code notifications} stream. A notification's {@code data}
 * has the shape the REST API gives it ({@code GET /api/v1/notifications}), with its deliveries;
 * {@code unread} beside it counts the notifications the bell shows as unread. A channel's {@code
 * data} is as {@code GET /api/v1/notifications/channels} lists it. {@code ts} is when the
 * notification was recorded, or when the channel last failed or succeeded.
 */
final class NotificationFrames {

    static final String NAME = "notifications";
    static final String NOTIFICATION = "notification";
    static final String CHANNEL = "channel";
    static final String SNAPSHOT = "snapshot";

    private static final JsonProvider JSON = JsonProvider.provider();

    private NotificationFrames() {}

    static String write(
            String type,
            NotificationSnapshot notification,
            long unread,
            String epoch,
            long offset) {
        return frame(type, epoch, offset, notification.createdAt())
                .add("data", MessageJson.of(notification))
                .add("unread", unread)
                .build()
                .toString();
    }

    static String write(ChannelStatus channel, String epoch, long offset) {
        Instant at =
                channel.lastErrorAt() != null
                                && (channel.lastSuccessAt() == null
                                        || channel.lastErrorAt().isAfter(channel.lastSuccessAt()))
                        ? channel.lastErrorAt()
                        : channel.lastSuccessAt();
        return frame(CHANNEL, epoch, offset, at)
                .add("data", MessageJson.of(channel))
                .build()
                .toString();
    }

    private static JsonObjectBuilder frame(String type, String epoch, long offset, Instant at) {
        JsonObjectBuilder message =
                JSON.createObjectBuilder()
                        .add("type", type)
                        .add("stream", NAME)
                        .add("epoch", epoch)
                        .add("offset", offset);
        if (at == null) {
            message.addNull("ts");
        } else {
            message.add("ts", JobsStream.millis(at));
        }
        return message;
    }
}
