package org.tickerdesk.cluster.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Short requests for whichever member leads, from any member: a follower that was asked to do what
 * only the leader does (send an order to the broker) posts the request's key here, and the leader
 * acts on it. Members that do not lead drop what they receive, so a request posted while the lead
 * changes hands reaches the new leader or nobody, never two members. What a request is about is
 * stored in PostgreSQL before it is posted; the text carries only its key, and a request that
 * reaches nobody is found there at the next takeover. Standalone the inbox is not used: this
 * instance always leads and does the work itself.
 *
 * <p>The leader may answer a request ({@link #answer}): every member hears the answer, and the one
 * that waits for it stops waiting.
 *
 * <p>One topic per mailbox (and one for its answers) on Payara's data grid, delivered in order on
 * one managed thread of this member: the grid's event threads never run Tickerdesk's code.
 */
@ApplicationScoped
public class LeaderInbox {

    private static final String PREFIX = "tickerdesk-leader-";
    private static final String ANNOUNCED = "-announced";
    private static final Logger LOG = Logger.getLogger(LeaderInbox.class.getName());

    @Inject Leadership leadership;

    @Resource ManagedThreadFactory threads;

    private HazelcastInstance grid;
    private BooleanSupplier leading;
    private ThreadPoolExecutor delivery;
    private final List<Registration> registrations = new ArrayList<>();

    private record Registration(ITopic<String> topic, UUID id) {}

    public LeaderInbox() {}

    /** On a grid given rather than looked up, acting while {@code leading} says so. */
    LeaderInbox(HazelcastInstance grid, BooleanSupplier leading, ThreadFactory threads) {
        this.grid = grid;
        this.leading = leading;
        this.delivery = deliveryOn(threads);
    }

    @PostConstruct
    void open() {
        if (!leadership.clustered()) {
            return;
        }
        grid = leadership.grid();
        leading = leadership::leading;
        delivery = deliveryOn(threads);
    }

    /**
     * Its thread is made now, in the application's context: made on a grid thread, at the first
     * message, it could not reach the application's configuration.
     */
    private static ThreadPoolExecutor deliveryOn(ThreadFactory threads) {
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(
                        1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
        executor.prestartAllCoreThreads();
        return executor;
    }

    @PreDestroy
    synchronized void close() {
        for (Registration registration : registrations) {
            registration.topic().removeMessageListener(registration.id());
        }
        registrations.clear();
        if (delivery != null) {
            delivery.shutdownNow();
        }
    }

    /** Whether requests travel between members: only in a cluster. */
    public boolean active() {
        return grid != null;
    }

    /** Posts {@code key} to the leader's {@code mailbox}; returns at once. */
    public void post(String mailbox, String key) {
        topic(mailbox).publish(Objects.requireNonNull(key, "key"));
    }

    /**
     * Hands what is posted to {@code mailbox} from now on to {@code consumer}, in order, while this
     * member leads.
     */
    public synchronized void receive(String mailbox, Consumer<String> consumer) {
        ITopic<String> topic = topic(mailbox);
        UUID id =
                topic.addMessageListener(
                        (Message<String> message) -> {
                            String key = message.getMessageObject();
                            delivery.execute(() -> deliver(mailbox, key, consumer));
                        });
        registrations.add(new Registration(topic, id));
    }

    /**
     * From the leader to every member: an answer to a request, or news of a change only the leader
     * saw; {@code key} reaches every member's {@link #onAnnouncement}.
     */
    public void announce(String mailbox, String key) {
        topic(mailbox + ANNOUNCED).publish(Objects.requireNonNull(key, "key"));
    }

    /**
     * Hands what the leader announces in {@code mailbox} to {@code consumer}, on every member,
     * leading or not.
     */
    public synchronized void onAnnouncement(String mailbox, Consumer<String> consumer) {
        ITopic<String> topic = topic(mailbox + ANNOUNCED);
        UUID id =
                topic.addMessageListener(
                        (Message<String> message) -> {
                            String key = message.getMessageObject();
                            delivery.execute(() -> deliver(mailbox, key, consumer, () -> true));
                        });
        registrations.add(new Registration(topic, id));
    }

    private void deliver(String mailbox, String key, Consumer<String> consumer) {
        deliver(mailbox, key, consumer, leading);
    }

    private void deliver(
            String mailbox, String key, Consumer<String> consumer, BooleanSupplier acts) {
        if (!acts.getAsBoolean()) {
            return;
        }
        try {
            consumer.accept(key);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The leader could not act on " + mailbox + " " + key);
        }
    }

    private ITopic<String> topic(String mailbox) {
        if (grid == null) {
            throw new IllegalStateException("Not clustered: there is no other member to ask");
        }
        return grid.getTopic(PREFIX + mailbox);
    }
}
