package org.tickerdesk.streaming.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.notifications.control.NotificationChannel;
import org.tickerdesk.notifications.entity.ChannelStatus;
import org.tickerdesk.notifications.entity.DeliveryState;
import org.tickerdesk.notifications.entity.NotificationSnapshot;
import org.tickerdesk.streaming.entity.StreamPosition;
import org.tickerdesk.streaming.entity.Unrecoverable;

/**
 * The private {@code notifications} stream: every stored change of a notification (recorded, a
 * delivery moved, read) as a {@code notification} message with the count of unread ones, and every
 * change of a channel's state as a {@code channel} message. Publishing and joining hold the
 * stream's lock, so a snapshot (the channels, then the recent notifications oldest first) is queued
 * in order with the data messages; no history is kept.
 */
final class NotificationsStream {

    /** The newest notifications a snapshot shows: the bell's list and a screenful of the page. */
    static final int SNAPSHOT = 50;

    private static final Logger LOG = Logger.getLogger(NotificationsStream.class.getName());

    private final String epoch;
    private final Supplier<List<NotificationSnapshot>> recent;
    private final Supplier<List<ChannelStatus>> channels;
    private final LongSupplier unread;
    private final Set<ClientConnection> subscribers = new CopyOnWriteArraySet<>();
    private long offset;

    /**
     * @param recent the newest stored notifications, newest first
     * @param channels every channel's state
     * @param unread how many notifications the bell shows as unread; each may fail
     */
    NotificationsStream(
            String epoch,
            Supplier<List<NotificationSnapshot>> recent,
            Supplier<List<ChannelStatus>> channels,
            LongSupplier unread) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.recent = Objects.requireNonNull(recent, "recent");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.unread = Objects.requireNonNull(unread, "unread");
    }

    /**
     * A notification not delivered in-app yet cannot have changed the unread count, so it is not
     * read for it ({@code -1}): such a change is announced on the thread that recorded it, which
     * may be the exit engine's.
     */
    void publish(NotificationSnapshot notification) {
        long count =
                subscribers.isEmpty() || !countsForTheBell(notification)
                        ? -1
                        : read(unread::getAsLong, -1L);
        synchronized (this) {
            offset++;
            if (subscribers.isEmpty()) {
                return;
            }
            String message =
                    NotificationFrames.write(
                            NotificationFrames.NOTIFICATION, notification, count, epoch, offset);
            subscribers.forEach(client -> client.send(message));
        }
    }

    private static boolean countsForTheBell(NotificationSnapshot notification) {
        return notification.readAt() != null
                || notification
                        .delivery(NotificationChannel.IN_APP)
                        .filter(d -> d.state() == DeliveryState.SENT)
                        .isPresent();
    }

    synchronized void publish(ChannelStatus channel) {
        offset++;
        if (subscribers.isEmpty()) {
            return;
        }
        String message = NotificationFrames.write(channel, epoch, offset);
        subscribers.forEach(client -> client.send(message));
    }

    /**
     * Adds a subscriber and, if asked, queues it the channels and the recent notifications. A
     * client that gives its position ({@code since}) is told that none is kept and sent the
     * snapshot instead.
     */
    void join(ClientConnection client, boolean snapshot, StreamPosition since) {
        boolean snapshotted = snapshot || since != null;
        List<ChannelStatus> states = snapshotted ? read(channels, List.of()) : List.of();
        List<NotificationSnapshot> newest = snapshotted ? read(recent, List.of()) : List.of();
        long count = snapshotted ? read(unread::getAsLong, -1L) : -1;
        synchronized (this) {
            subscribers.add(client);
            if (since != null) {
                client.send(
                        Replies.notRecovered(
                                NotificationFrames.NAME,
                                epoch,
                                offset,
                                Unrecoverable.NO_HISTORY,
                                "notifications keeps no history: the snapshot that follows has"
                                        + " the channels and the newest notifications as they"
                                        + " are now"));
            }
            if (snapshotted) {
                states.forEach(c -> client.send(NotificationFrames.write(c, epoch, offset)));
                List<NotificationSnapshot> oldestFirst = new ArrayList<>(newest);
                Collections.reverse(oldestFirst);
                for (NotificationSnapshot n : oldestFirst) {
                    client.send(
                            NotificationFrames.write(
                                    NotificationFrames.SNAPSHOT, n, count, epoch, offset));
                }
            }
        }
    }

    void leave(ClientConnection client) {
        subscribers.remove(client);
    }

    /** A failed read leaves the snapshot to the changes that follow; the subscription stands. */
    private static <T> T read(Supplier<T> reading, T otherwise) {
        try {
            return reading.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The notifications could not be read for a snapshot");
            return otherwise;
        }
    }
}
