package org.tickerdesk.streaming.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.entity.OrderUpdated;

/**
 * The {@code orders} stream of a member that does not lead. Orders change on the leader, which
 * alone trades; it announces each changed order's id to every member ({@link LeaderInbox}), and the
 * others read the committed order and send it to their own clients, as the leader sends it to its
 * own. Only ids travel: what a client gets is what PostgreSQL holds. (Positions reach the other
 * members' {@code positions} streams the same way, through the trading component's own
 * announcement, which its engine there needs anyway.) Standalone there is nothing to carry.
 */
@ApplicationScoped
public class ClusterTradingFeed {

    static final String MAILBOX = "trading-changes";

    private static final String ORDER = "order ";
    private static final Logger LOG = Logger.getLogger(ClusterTradingFeed.class.getName());

    @Inject Leadership leadership;

    @Inject LeaderInbox inbox;

    @Inject StreamHub hub;

    @Inject OrderDesk orders;

    /** Made at start-up, so that a member listens before it is told anything. */
    void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer's only work is to make the bean, whose construction starts listening
    }

    @PostConstruct
    void listen() {
        if (inbox.active()) {
            inbox.onAnnouncement(MAILBOX, this::heard);
        }
    }

    void onOrder(@Observes OrderUpdated update) {
        if (announcing()) {
            inbox.announce(MAILBOX, ORDER + update.order().clientOrderId());
        }
    }

    private boolean announcing() {
        return inbox.active() && leadership.leading();
    }

    /** On every member; the leader sent the change to its own clients already. */
    private void heard(String change) {
        if (leadership.leading()) {
            return;
        }
        if (change.startsWith(ORDER)) {
            orders.find(change.substring(ORDER.length()))
                    .ifPresent(order -> hub.onOrderUpdated(new OrderUpdated(order)));
        } else {
            LOG.warning(() -> "The leader announced a change that was not understood: " + change);
        }
    }
}
