package org.tickerdesk.trading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.trading.entity.BrokerProtection;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;

/**
 * Keeps a position's protection resting at the broker in step with its rules and quantity: a GTC
 * stop at the stop-loss (and, for an OCA bracket, a GTC limit at the take-profit) in the OCA group
 * {@code p-<position>-<generation>}, so the position stays protected while Tickerdesk or its
 * machine is down. A change of rules or quantity cancels the group and places the next generation;
 * a position that is no longer open has its group cancelled. The server watches only the rules that
 * do not rest at the broker ({@link ExitRules#serverSide()}), and its own exits join the group, so
 * the broker cancels the protection when an exit fills (the paper broker does the same). The
 * protection rests at the broker that holds the position: a position of the paper broker beside a
 * live one is protected at the paper broker, never at the live one (its cancels go where each order
 * was stored).
 */
@ApplicationScoped
public class BrokerProtections {

    static final String STOP = "-STOP";
    static final String TARGET = "-TP";
    private static final Logger LOG = Logger.getLogger(BrokerProtections.class.getName());

    @Inject OrderDesk desk;

    @Inject PositionStore store;

    @Inject Clock clock;

    /** On the exit orders' lane, after every stored change of a position. */
    void keep(PositionSnapshot position) {
        ExitRules rules = ExitRulesJson.read(position.rules());
        String group = position.protection();
        boolean wanted =
                position.state() == PositionState.OPEN
                        && rules.protection() != BrokerProtection.NONE
                        && position.quantity().signum() != 0
                        && position.averagePrice() != null;
        if (!wanted) {
            if (group != null) {
                cancel(group);
            }
            return;
        }
        int direction = position.side() == Side.BUY ? 1 : -1;
        double entry = position.averagePrice().doubleValue();
        BigDecimal quantity = position.quantity().abs();
        BigDecimal stop = onGrid(position.symbol(), rules.stopLoss().level(entry, -direction));
        BigDecimal target =
                rules.protection() == BrokerProtection.OCA
                        ? onGrid(
                                position.symbol(),
                                rules.takeProfit().get(0).gain().level(entry, direction))
                        : null;
        if (group != null
                && resting(group + STOP, quantity, stop)
                && (target == null || resting(group + TARGET, quantity, target))) {
            return;
        }
        if (group != null) {
            cancel(group);
        }
        Optional<String> next = store.nextProtection(position.id(), clock.instant());
        if (next.isEmpty()) {
            return;
        }
        String side = direction > 0 ? Side.SELL.name() : Side.BUY.name();
        place(next.get() + STOP, position, side, quantity, OrderType.STP, "", stop, next.get());
        if (target != null) {
            place(
                    next.get() + TARGET,
                    position,
                    side,
                    quantity,
                    OrderType.LMT,
                    target.toPlainString(),
                    null,
                    next.get());
        }
    }

    private void place(
            String id,
            PositionSnapshot position,
            String side,
            BigDecimal quantity,
            OrderType type,
            String limit,
            BigDecimal stop,
            String group) {
        try {
            desk.submit(
                    new OrderInput(
                            id,
                            position.symbol(),
                            side,
                            quantity.stripTrailingZeros().toPlainString(),
                            type.name(),
                            limit,
                            stop == null ? "" : stop.toPlainString(),
                            "GTC",
                            group,
                            OrderDesk.isPaper(position.broker())));
        } catch (ProblemException e) {
            LOG.warning(
                    () ->
                            "Position "
                                    + position.id()
                                    + " is not protected at the broker: "
                                    + e.getMessage());
        }
    }

    /** Whether this order still rests at the broker for this quantity and price. */
    private boolean resting(String id, BigDecimal quantity, BigDecimal price) {
        Optional<OrderSnapshot> order = desk.find(id);
        if (order.isEmpty() || order.get().status().isFinal()) {
            return false;
        }
        OrderSnapshot o = order.get();
        BigDecimal level = o.stopPrice() != null ? o.stopPrice() : o.limitPrice();
        return o.quantity().subtract(o.filledQuantity()).compareTo(quantity) == 0
                && level != null
                && level.compareTo(price) == 0;
    }

    private void cancel(String group) {
        for (String id : new String[] {group + STOP, group + TARGET}) {
            Optional<OrderSnapshot> order = desk.find(id);
            if (order.isPresent() && !order.get().status().isFinal()) {
                try {
                    desk.cancel(id);
                } catch (ProblemException e) {
                    LOG.log(Level.FINE, e, () -> id + " could not be cancelled");
                }
            }
        }
    }

    /** The nearest price on the instrument's tick grid. */
    private BigDecimal onGrid(String symbol, double price) {
        BigDecimal tick =
                desk.contract(symbol)
                        .map(c -> c.tickSize())
                        .filter(t -> t != null && t.signum() > 0)
                        .orElse(new BigDecimal("0.01"));
        return BigDecimal.valueOf(price)
                .divide(tick, 0, RoundingMode.HALF_EVEN)
                .max(BigDecimal.ONE)
                .multiply(tick)
                .stripTrailingZeros();
    }
}
