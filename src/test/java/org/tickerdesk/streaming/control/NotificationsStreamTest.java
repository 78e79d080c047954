package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.notifications.entity.ChannelChanged;
import org.tickerdesk.notifications.entity.ChannelStatus;
import org.tickerdesk.notifications.entity.DeliverySnapshot;
import org.tickerdesk.notifications.entity.DeliveryState;
import org.tickerdesk.notifications.entity.NotificationChanged;
import org.tickerdesk.notifications.entity.NotificationSnapshot;
import org.tickerdesk.notifications.entity.NotificationType;

/**
 * The private {@code notifications} stream: only for an authenticated connection, a notification's
 * change with the unread count, a channel's change, and a snapshot of the channels and the newest
 * notifications, oldest first.
 */
class NotificationsStreamTest {

    private static final Instant AT = Instant.parse("2025-11-20T14:41:12.985Z");

    private final Fixtures fixtures = new Fixtures();

    private FakeClient subscribed(boolean signedIn, boolean snapshot) {
        FakeClient socket = new FakeClient();
        ClientConnection client =
                signedIn ? fixtures.connectAs("admin", socket) : fixtures.connect(socket);
        fixtures.hub.receive(
                client,
                Json.createObjectBuilder()
                        .add("op", "subscribe")
                        .add("streams", Json.createArrayBuilder(List.of("notifications")))
                        .add("snapshot", snapshot)
                        .build()
                        .toString());
        return socket;
    }

    private static NotificationSnapshot exit(long id, DeliveryState inApp) {
        return new NotificationSnapshot(
                id,
                NotificationType.EXIT_TRIGGERED,
                "Exit triggered: AAPL",
                "STOP_LOSS fired on position 12",
                "{\"positionId\":12,\"symbol\":\"AAPL\"}",
                AT,
                null,
                List.of(
                        new DeliverySnapshot(
                                "inapp",
                                inApp,
                                true,
                                inApp == DeliveryState.SENT ? 1 : 0,
                                inApp == DeliveryState.SENT ? null : AT,
                                null,
                                inApp == DeliveryState.SENT ? AT.plusMillis(5) : null)));
    }

    @Test
    void anAnonymousClientIsRefusedAsUnauthorized() {
        FakeClient socket = subscribed(false, false);

        JsonObject rejected = socket.last().getJsonArray("rejected").getJsonObject(0);
        assertEquals("unauthorized", rejected.getString("code"));
    }

    @Test
    void aChangeIsANotificationMessageWithItsDeliveriesAndTheUnreadCount() {
        FakeClient socket = subscribed(true, false);
        socket.clear();
        fixtures.unread = 3;

        fixtures.hub.onNotificationChanged(new NotificationChanged(exit(41, DeliveryState.SENT)));

        JsonObject message = socket.last();
        assertEquals("notification", message.getString("type"));
        assertEquals("notifications", message.getString("stream"));
        assertEquals(1, message.getInt("offset"));
        assertEquals(3, message.getInt("unread"));
        assertEquals(AT.toEpochMilli(), message.getJsonNumber("ts").longValue());
        JsonObject data = message.getJsonObject("data");
        assertEquals(41, data.getInt("id"));
        assertEquals("AAPL", data.getJsonObject("payload").getString("symbol"));
        JsonObject inApp = data.getJsonArray("deliveries").getJsonObject(0);
        assertEquals("SENT", inApp.getString("state"));
        assertTrue(inApp.getBoolean("silent"));
        assertEquals("2025-11-20T14:41:12.990Z", inApp.getString("sentAt"));
    }

    @Test
    void aNotificationNotDeliveredInAppYetDoesNotSayTheUnreadCount() {
        FakeClient socket = subscribed(true, false);
        socket.clear();
        fixtures.unread = 3;

        fixtures.hub.onNotificationChanged(
                new NotificationChanged(exit(42, DeliveryState.PENDING)));

        assertEquals(-1, socket.last().getInt("unread"));
    }

    @Test
    void aChannelThatStartsFailingIsAChannelMessage() {
        FakeClient socket = subscribed(true, false);
        socket.clear();

        fixtures.hub.onChannelChanged(
                new ChannelChanged(
                        new ChannelStatus(
                                "webhook", true, "POST http://x", 5, AT, "503", AT, null)));

        JsonObject message = socket.last();
        assertEquals("channel", message.getString("type"));
        assertEquals("webhook", message.getJsonObject("data").getString("name"));
        assertTrue(message.getJsonObject("data").getBoolean("failing"));
        assertEquals(
                "2025-11-20T14:41:12.985Z",
                message.getJsonObject("data").getString("failingSince"));
    }

    @Test
    void aSnapshotHasTheChannelsThenTheNewestNotificationsOldestFirst() {
        fixtures.channels.add(
                new ChannelStatus("inapp", true, "the bell", 0, null, null, null, null));
        fixtures.storedNotifications.add(exit(8, DeliveryState.SENT));
        fixtures.storedNotifications.add(exit(7, DeliveryState.PENDING));
        fixtures.unread = 1;

        FakeClient socket = subscribed(true, true);

        List<String> seen =
                socket.messages().stream()
                        .filter(m -> m.containsKey("stream"))
                        .map(
                                m ->
                                        m.getString("type")
                                                + " "
                                                + (m.getString("type").equals("channel")
                                                        ? m.getJsonObject("data").getString("name")
                                                        : m.getJsonObject("data").getInt("id")
                                                                + " unread "
                                                                + m.getInt("unread")))
                        .toList();
        assertEquals(List.of("channel inapp", "snapshot 7 unread 1", "snapshot 8 unread 1"), seen);
    }
}
