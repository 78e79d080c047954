package org.tickerdesk.trading.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.cluster.control.LeaderInbox;
import org.tickerdesk.trading.entity.BrokerProtection;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderUpdated;
import org.tickerdesk.trading.entity.PositionChanged;
import org.tickerdesk.trading.entity.PositionClosed;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;

/**
 * Keeps positions in step with their orders: every change of an order Tickerdesk placed is applied
 * to the positions it opens, adds to or closes ({@link PositionStore#apply}), the engine is told
 * what it guards now, and each stored change is announced ({@link PositionChanged}, {@link
 * PositionClosed}). Runs on the order desk's lane, one order change at a time.
 */
@ApplicationScoped
public class PositionKeeper {

    private static final Logger LOG = Logger.getLogger(PositionKeeper.class.getName());

    @Inject PositionStore store;

    @Inject ExitEngine engine;

    @Inject ExitDefaults defaults;

    @Inject ExitOrders orders;

    @Inject Event<PositionChanged> changed;

    @Inject Event<PositionClosed> closed;

    @Inject Clock clock;

    @Inject LeaderInbox inbox;

    /** Where a member tells the others about a position it changed. */
    static final String MAILBOX = "positions";

    @PostConstruct
    void listen() {
        if (inbox.active()) {
            inbox.receive(MAILBOX, this::changedElsewhere);
            inbox.onAnnouncement(MAILBOX, this::changedByLeader);
        }
    }

    void onOrder(@Observes OrderUpdated update) {
        apply(update.order());
    }

    /** Applies an order as it stands now; applying it twice changes nothing the second time. */
    public void apply(OrderSnapshot order) {
        if (!order.status().isFinal() && (order.fills() == null || order.fills().isEmpty())) {
            // a working order without fills changes no position: not worth a transaction
            return;
        }
        List<PositionSnapshot> positions;
        try {
            positions = store.apply(order, defaults.json(order.broker()), clock.instant());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    e,
                    () -> "Order " + order.clientOrderId() + " could not be applied to positions");
            return;
        }
        positions.forEach(this::announce);
    }

    /**
     * Tells the engine and the observers about a stored change of a position. In a cluster the
     * other members' engines are told too, by the position's id (they read the stored position):
     * the leader's, which guards it, and the others', which show its price.
     */
    public void announce(PositionSnapshot position) {
        guard(position);
        if (inbox.active()) {
            if (engine.guarding()) {
                inbox.announce(MAILBOX, Long.toString(position.id()));
            } else {
                inbox.post(MAILBOX, Long.toString(position.id()));
            }
        }
        if (protectedAtBroker(position)) {
            orders.protect(position);
        }
        changed.fire(new PositionChanged(position));
        if (position.state() == PositionState.CLOSED) {
            closed.fire(new PositionClosed(position));
        }
    }

    private void guard(PositionSnapshot position) {
        engine.track(
                position,
                () ->
                        position.state().isGuarded()
                                ? store.firedRules(List.of(position.id()))
                                        .getOrDefault(position.id(), Set.of())
                                : Set.of());
    }

    /**
     * On a member that does not lead: the leader changed a position. This member's engine watches
     * it for its price, and its observers (the streams and pages it serves) are told, as the
     * leader's were; what the change made the leader do (a closed position's notices) is not done
     * again here.
     */
    private void changedByLeader(String id) {
        if (!engine.guarding()) {
            stored(id)
                    .ifPresent(
                            position -> {
                                guard(position);
                                changed.fire(new PositionChanged(position));
                            });
        }
    }

    /** On the leader: a position another member changed (opened, adopted, its rules edited). */
    private void changedElsewhere(String id) {
        stored(id).ifPresent(this::guard);
    }

    private Optional<PositionSnapshot> stored(String id) {
        try {
            return store.find(Long.parseLong(id));
        } catch (NumberFormatException e) {
            LOG.warning(() -> "Another member named a position that is no id: " + id);
            return Optional.empty();
        }
    }

    private static boolean protectedAtBroker(PositionSnapshot position) {
        return position.protection() != null
                || ExitRulesJson.read(position.rules()).protection() != BrokerProtection.NONE;
    }

    /** At start-up: every position the engine must guard, with the rules that fired already. */
    public void load() {
        List<PositionSnapshot> live = store.live();
        Map<Long, Set<String>> fired =
                store.firedRules(live.stream().map(PositionSnapshot::id).toList());
        for (PositionSnapshot position : live) {
            engine.track(position, fired.getOrDefault(position.id(), Set.of()));
            if (protectedAtBroker(position)) {
                orders.protect(position);
            }
        }
        LOG.info(
                () ->
                        engine.guarded()
                                + " open positions are guarded ("
                                + live.size()
                                + " waiting for an entry, guarded or closing)");
    }
}
