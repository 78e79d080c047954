package org.tickerdesk.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tickerdesk.notifications.entity.NewNotification;
import org.tickerdesk.notifications.entity.Notification;
import org.tickerdesk.notifications.entity.NotificationSnapshot;
import org.tickerdesk.notifications.entity.NotificationType;
import org.tickerdesk.notifications.entity.PreferenceMode;
import org.tickerdesk.platform.control.ProblemException;

/**
 * Records a notification with one delivery per configured channel its preference does not switch
 * off, silent where the preference says so. It joins the caller's transaction: a notification of a
 * change commits with the change or not at all. The dispatcher hears of it after the commit.
 */
@Stateless
public class Outbox {

    @Inject NotificationStore store;

    @Inject Preferences preferences;

    @Inject NotificationChannels channels;

    @Inject Clock clock;

    public NotificationSnapshot record(NewNotification notification) {
        PreferenceMatrix matrix = preferences.matrix();
        Map<String, Boolean> deliveries = new LinkedHashMap<>();
        for (NotificationChannel channel : channels.configured()) {
            PreferenceMode mode = matrix.mode(notification.type(), channel.name());
            if (mode != PreferenceMode.OFF) {
                deliveries.put(channel.name(), mode == PreferenceMode.SILENT);
            }
        }
        return store.insert(stored(notification), deliveries);
    }

    /**
     * A test message through this one channel, also when its preference for tests is off; silent
     * when that preference is, so an admin can see how a silent one arrives.
     */
    public NotificationSnapshot test(String channelName) {
        NotificationChannel channel =
                channels.find(channelName)
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                404,
                                                "unknown_channel",
                                                "Unknown channel",
                                                "No channel "
                                                        + channelName
                                                        + ": the channels are "
                                                        + String.join(", ", channels.names())));
        if (!channel.configured()) {
            throw new ProblemException(
                    409,
                    "channel_not_configured",
                    "Channel not configured",
                    channel.name() + " is not configured: " + channel.target());
        }
        NewNotification test =
                new NewNotification(
                        NotificationType.TEST,
                        "Test message",
                        "A test message through " + channel.name() + " from Tickerdesk.",
                        "{\"channel\":\"" + channel.name() + "\"}");
        boolean silent =
                preferences.matrix().mode(NotificationType.TEST, channel.name())
                        == PreferenceMode.SILENT;
        return store.insert(stored(test), Map.of(channel.name(), silent));
    }

    private Notification stored(NewNotification notification) {
        return new Notification(
                notification.type(),
                notification.title(),
                notification.text(),
                notification.payload(),
                clock.instant());
    }
}
