package org.tickerdesk.trading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.trading.entity.ExitRecord;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.PositionSettled;
import org.tickerdesk.trading.entity.PositionSnapshot;

/**
 * What follows once positions were settled ({@link PositionStore#settle}, committed): each is
 * announced as every stored change of a position is, so the exit engine stops guarding it (and lets
 * go of the instrument's market data when it guards nothing else there), its protection resting at
 * the broker is cancelled and the streams show it settled; then its orders still working (an exit
 * on its way, an entry not yet filled) are cancelled. A fill that still arrives finds nothing held
 * and changes nothing.
 */
@ApplicationScoped
public class Settlement {

    private static final Logger LOG = Logger.getLogger(Settlement.class.getName());

    @Inject PositionStore store;

    @Inject PositionKeeper keeper;

    @Inject OrderDesk desk;

    /**
     * @return the client order ids of the orders whose cancellation was asked for
     */
    public List<String> settled(List<PositionSettled> settled) {
        List<String> cancelled = new ArrayList<>();
        for (PositionSettled one : settled) {
            try {
                keeper.announce(one.position());
            } catch (RuntimeException e) {
                // settled and committed: the others are still announced and their orders cancelled
                LOG.log(
                        Level.SEVERE,
                        e,
                        () -> "Settled position " + one.position().id() + " was not announced");
            }
        }
        for (PositionSettled one : settled) {
            PositionSnapshot position = one.position();
            List<String> orders = new ArrayList<>();
            if (position.entryOrderId() != null) {
                orders.add(position.entryOrderId());
            }
            store.exits(position.id()).stream().map(ExitRecord::clientOrderId).forEach(orders::add);
            for (String id : orders) {
                if (cancel(position, id)) {
                    cancelled.add(id);
                }
            }
        }
        return cancelled;
    }

    private boolean cancel(PositionSnapshot position, String clientOrderId) {
        Optional<OrderSnapshot> order = desk.find(clientOrderId);
        if (order.isEmpty() || order.get().status().isFinal()) {
            return false;
        }
        try {
            desk.cancel(clientOrderId);
            return true;
        } catch (RuntimeException e) {
            LOG.warning(
                    () ->
                            "Order "
                                    + clientOrderId
                                    + " of settled position "
                                    + position.id()
                                    + " could not be cancelled: "
                                    + e.getMessage());
            return false;
        }
    }
}
