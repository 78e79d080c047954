package org.tickerdesk.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.notifications.entity.NotificationChanged;
import org.tickerdesk.platform.control.Lane;

/**
 * Delivers what is due: claims a batch of due deliveries (no other dispatcher, here or on another
 * instance, takes the same ones), hands each to its channel outside any transaction, and records
 * each outcome in a transaction of its own. It runs when a notification has been committed (so a
 * notification goes out when it happens, not at the next tick of a timer), when a failed delivery's
 * next attempt is due (a timer of its own set to the earliest one), and whenever the tasks registry
 * runs {@code notification-dispatch}. Passes never overlap on one server.
 */
@ApplicationScoped
public class Dispatcher {

    /** Deliveries claimed at once: a slow channel holds no more than these back. */
    static final int BATCH = 20;

    /** A claimed delivery whose dispatcher died is taken again after this. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject NotificationStore store;

    @Inject NotificationChannels channels;

    @Inject Clock clock;

    @Resource ManagedThreadFactory threads;

    @Resource ManagedScheduledExecutorService scheduler;

    /**
     * Where the passes run, one after the other: a thread of its own, because handing each pass to
     * the server's managed executor searched the application's jars for context providers on the
     * committing thread, an exit's lane among them.
     */
    private Lane passes;

    @Inject
    @ConfigProperty(name = "tickerdesk.notifications.retry.first-ms", defaultValue = "5000")
    long firstRetryMillis;

    @Inject
    @ConfigProperty(name = "tickerdesk.notifications.retry.max-ms", defaultValue = "900000")
    long maxRetryMillis;

    @Inject
    @ConfigProperty(name = "tickerdesk.notifications.failing-after", defaultValue = "5")
    int failingAfter;

    private final ReentrantLock pass = new ReentrantLock();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledFuture<?> next;
    private Instant nextAt;

    /** After the commit only: a notification rolled back never reaches a channel. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationChanged change) {
        if (change.notification().unsent()) {
            wake();
        }
    }

    /**
     * Asks for a pass on a thread of the server's, soon; asking while one is queued or running
     * makes one more pass after it, never two.
     */
    public void wake() {
        wanted.set(true);
        if (queued.compareAndSet(false, true)) {
            try {
                passes.execute(this::drain);
            } catch (RuntimeException e) {
                queued.set(false);
                LOG.log(Level.WARNING, "Notifications could not be dispatched now", e);
            }
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false)) {
                dispatchDue();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dispatching notifications failed; the next pass retries", e);
        } finally {
            queued.set(false);
        }
        if (wanted.get()) {
            wake();
        }
    }

    /**
     * One pass: delivers everything due now, batch after batch, then sets the timer for the next
     * retry. Returns how many deliveries went out. Waits for a pass running already.
     */
    public int dispatchDue() {
        pass.lock();
        int sent = 0;
        try {
            Backoff backoff = backoff();
            List<NotificationStore.Claimed> claimed;
            do {
                claimed = store.claim(BATCH, clock.instant(), LEASE);
                for (NotificationStore.Claimed delivery : claimed) {
                    if (deliver(delivery, backoff)) {
                        sent++;
                    }
                }
            } while (claimed.size() == BATCH);
        } finally {
            pass.unlock();
        }
        scheduleNext();
        return sent;
    }

    private boolean deliver(NotificationStore.Claimed delivery, Backoff backoff) {
        Optional<NotificationChannel> channel = channels.find(delivery.channel());
        String error;
        try {
            if (channel.isEmpty() || !channel.get().configured()) {
                throw new DeliveryException(delivery.channel() + " is not configured");
            }
            channel.get().deliver(delivery.message());
            store.sent(delivery.deliveryId(), clock.instant());
            return true;
        } catch (DeliveryException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> delivery.channel() + " failed unexpectedly");
            error = e.toString();
        }
        LOG.info(
                () ->
                        "Notification "
                                + delivery.message().id()
                                + " through "
                                + delivery.channel()
                                + " failed: "
                                + error);
        store.failed(delivery.deliveryId(), error, clock.instant(), backoff, failingAfter);
        return false;
    }

    /** The timer for the earliest delivery not due yet, so a retry needs no other timer. */
    private synchronized void scheduleNext() {
        Optional<Instant> due = store.nextDue();
        if (due.isEmpty() || scheduler == null) {
            return;
        }
        Instant at = due.get();
        if (next != null && !next.isDone() && nextAt != null && !nextAt.isAfter(at)) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        long until = Duration.between(clock.instant(), at).toMillis();
        // one due already was left to another dispatcher holding it: look again in a second
        long delay = until <= 0 ? 1_000 : until + 50;
        nextAt = at;
        next = scheduler.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
    }

    Backoff backoff() {
        return new Backoff(
                Duration.ofMillis(firstRetryMillis),
                Duration.ofMillis(Math.max(firstRetryMillis, maxRetryMillis)));
    }

    @PostConstruct
    void open() {
        passes = Lane.open(threads);
    }

    @PreDestroy
    synchronized void stop() {
        if (next != null) {
            next.cancel(false);
        }
        passes.close();
    }
}
