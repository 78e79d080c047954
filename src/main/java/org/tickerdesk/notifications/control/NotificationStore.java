package org.tickerdesk.notifications.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tickerdesk.notifications.entity.ChannelChanged;
import org.tickerdesk.notifications.entity.ChannelHealth;
import org.tickerdesk.notifications.entity.ChannelStatus;
import org.tickerdesk.notifications.entity.Delivery;
import org.tickerdesk.notifications.entity.DeliverySnapshot;
import org.tickerdesk.notifications.entity.Message;
import org.tickerdesk.notifications.entity.Notification;
import org.tickerdesk.notifications.entity.NotificationChanged;
import org.tickerdesk.notifications.entity.NotificationSnapshot;

/**
 * Where notifications, their deliveries and the channels' health are kept: PostgreSQL. Each call
 * joins the caller's transaction or has its own; every change fires {@link NotificationChanged} (or
 * {@link ChannelChanged}) inside it, so an observer after the commit sees only what was stored.
 */
@Stateless
public class NotificationStore {

    /** A claimed delivery: what to hand to which channel. */
    public record Claimed(long deliveryId, String channel, Message message) {}

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject Event<NotificationChanged> changed;

    @Inject Event<ChannelChanged> channelChanged;

    @Inject NotificationChannels channels;

    /** Stores a notification and a delivery per channel (name to silent), due at once. */
    public NotificationSnapshot insert(Notification notification, Map<String, Boolean> channels) {
        em.persist(notification);
        em.flush();
        Instant at = notification.snapshot(List.of()).createdAt();
        List<DeliverySnapshot> deliveries = new ArrayList<>();
        channels.forEach(
                (channel, silent) -> {
                    Delivery delivery = new Delivery(notification.id(), channel, silent, at);
                    em.persist(delivery);
                    deliveries.add(delivery.snapshot());
                });
        NotificationSnapshot snapshot = notification.snapshot(deliveries);
        changed.fire(new NotificationChanged(snapshot));
        return snapshot;
    }

    /**
     * Takes up to {@code limit} deliveries due now that no other dispatcher holds, and pushes their
     * next attempt out by the lease, so that one whose dispatcher dies is taken again after it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Claimed> claim(int limit, Instant now, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Number> ids =
                em.createNativeQuery(
                                "SELECT id FROM notification_deliveries WHERE state <> 'SENT'"
                                        + " AND next_attempt_at <= ?1 ORDER BY next_attempt_at,"
                                        + " id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                        .setParameter(1, Timestamp.from(now))
                        .setParameter(2, limit)
                        .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Number id : ids) {
            Delivery delivery = em.find(Delivery.class, id.longValue());
            delivery.claim(now.plus(lease), now);
            Notification notification = em.find(Notification.class, delivery.notificationId());
            claimed.add(
                    new Claimed(
                            delivery.id(),
                            delivery.channel(),
                            notification.message(delivery.silent())));
        }
        return claimed;
    }

    /** The delivery went out: it is never made again, and its channel is healthy. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(long deliveryId, Instant at) {
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.snapshot().sentAt() != null) {
            return;
        }
        delivery.sent(at);
        ChannelHealth health = health(delivery.channel());
        int failuresBefore = health.consecutiveFailures();
        health.succeeded(at);
        if (failuresBefore > 0) {
            channelChanged.fire(new ChannelChanged(status(health)));
        }
        announce(delivery.notificationId());
    }

    /**
     * The delivery failed: it is tried again after the backoff for its failures, or after the cap
     * while its channel is failing, which this failure may have made it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(
            long deliveryId, String error, Instant at, Backoff backoff, int failingAfter) {
        Delivery delivery = em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.snapshot().sentAt() != null) {
            return;
        }
        ChannelHealth health = health(delivery.channel());
        health.failed(error, failingAfter, at);
        Duration pause = health.failing() ? backoff.cap() : backoff.after(delivery.attempts() + 1);
        delivery.failed(error, at.plus(pause), at);
        channelChanged.fire(new ChannelChanged(status(health)));
        announce(delivery.notificationId());
    }

    /** When the next unsent delivery is due, if any is. */
    public Optional<Instant> nextDue() {
        Object due =
                em.createNativeQuery(
                                "SELECT MIN(next_attempt_at) FROM notification_deliveries WHERE"
                                        + " state <> 'SENT'")
                        .getSingleResult();
        return Optional.ofNullable(due).map(NotificationStore::instant);
    }

    /** Newest first, each with its deliveries; only those before {@code beforeId} if given. */
    public List<NotificationSnapshot> recent(int limit, Long beforeId) {
        List<Notification> found =
                em.createQuery(
                                "SELECT n FROM Notification n WHERE n.id < :before ORDER BY n.id"
                                        + " DESC",
                                Notification.class)
                        .setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                        .setMaxResults(limit)
                        .getResultList();
        return withDeliveries(found);
    }

    public Optional<NotificationSnapshot> find(long id) {
        Notification notification = em.find(Notification.class, id);
        return notification == null
                ? Optional.empty()
                : Optional.of(withDeliveries(List.of(notification)).get(0));
    }

    /** The notifications the bell shows as unread: delivered in-app, not read yet. */
    public long unread() {
        return ((Number)
                        em.createNativeQuery(
                                        "SELECT COUNT(*) FROM notifications n JOIN"
                                                + " notification_deliveries d ON"
                                                + " d.notification_id = n.id AND d.channel ="
                                                + " ?1 AND d.state = 'SENT' WHERE n.read_at IS"
                                                + " NULL")
                                .setParameter(1, NotificationChannel.IN_APP)
                                .getSingleResult())
                .longValue();
    }

    /** Marks these read (every unread one when empty); returns those that were unread. */
    public List<NotificationSnapshot> read(Collection<Long> ids, Instant at) {
        List<Notification> unread =
                ids.isEmpty()
                        ? em.createQuery(
                                        "SELECT n FROM Notification n WHERE n.readAt IS NULL",
                                        Notification.class)
                                .getResultList()
                        : em.createQuery(
                                        "SELECT n FROM Notification n WHERE n.readAt IS NULL AND"
                                                + " n.id IN :ids",
                                        Notification.class)
                                .setParameter("ids", ids)
                                .getResultList();
        unread.forEach(n -> n.read(at));
        em.flush();
        List<NotificationSnapshot> snapshots = withDeliveries(unread);
        snapshots.forEach(s -> changed.fire(new NotificationChanged(s)));
        return snapshots;
    }

    /** Every channel's stored health, by name. */
    public Map<String, ChannelHealth> health() {
        Map<String, ChannelHealth> all = new LinkedHashMap<>();
        em.createQuery("SELECT h FROM ChannelHealth h", ChannelHealth.class)
                .getResultList()
                .forEach(h -> all.put(h.channel(), h));
        return all;
    }

    /** Every channel as the admin sees it: configured or not, and how it has fared. */
    public List<ChannelStatus> channels() {
        Map<String, ChannelHealth> stored = health();
        return channels.all().stream()
                .map(
                        c ->
                                stored.getOrDefault(c.name(), new ChannelHealth(c.name()))
                                        .status(c.configured(), c.target()))
                .toList();
    }

    private ChannelStatus status(ChannelHealth health) {
        return channels.find(health.channel())
                .map(c -> health.status(c.configured(), c.target()))
                .orElseGet(() -> health.status(false, "no longer known"));
    }

    private ChannelHealth health(String channel) {
        em.createNativeQuery(
                        "INSERT INTO notification_channels (channel) VALUES (?1) ON CONFLICT DO"
                                + " NOTHING")
                .setParameter(1, channel)
                .executeUpdate();
        return em.find(ChannelHealth.class, channel, LockModeType.PESSIMISTIC_WRITE);
    }

    private void announce(long notificationId) {
        em.flush();
        find(notificationId).ifPresent(s -> changed.fire(new NotificationChanged(s)));
    }

    private List<NotificationSnapshot> withDeliveries(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        Map<Long, List<DeliverySnapshot>> byNotification = new LinkedHashMap<>();
        notifications.forEach(n -> byNotification.put(n.id(), new ArrayList<>()));
        em.createQuery(
                        "SELECT d FROM Delivery d WHERE d.notificationId IN :ids ORDER BY d.id",
                        Delivery.class)
                .setParameter("ids", byNotification.keySet())
                .getResultList()
                .forEach(d -> byNotification.get(d.notificationId()).add(d.snapshot()));
        return notifications.stream().map(n -> n.snapshot(byNotification.get(n.id()))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("Not an instant: " + value.getClass());
    }
}
