package org.tickerdesk.copytrading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.copytrading.entity.CopyDecision.Effect;
import org.tickerdesk.copytrading.entity.IntakeChanged;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.trading.control.InstrumentResolvedException;
import org.tickerdesk.trading.control.InvalidOrderException;
import org.tickerdesk.trading.control.OrderRefusedException;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.FillSnapshot;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderUpdated;
import org.tickerdesk.trading.entity.Side;

/**
 * The trade intake: every leader trade a feed reports is written to the {@link IntakeLog} first
 * (committed, once per trader, feed and trade id), then decided at once ({@link CopyDesk}, one
 * transaction with the notification of the decision), then, for a copy, its order placed:
 *
 * <ul>
 *   <li>a copy that opens or adds goes to the order desk as a market order under the client order
 *       id derived from the trade ({@link CopyDecisions#clientOrderId}), opening a position in the
 *       trader's book guarded by the exit engine with the trader's exit rules;
 *   <li>a copy of the leader's exit closes that much of the trader's open copied positions in the
 *       symbol, oldest first, through the exit engine under a rule named after the entry.
 * </ul>
 *
 * Both are idempotent at the order desk and the positions, so placing a copy again (a trade
 * delivered again before its order was recorded, the task repairing a copy whose order a crash cut
 * off) never places a second order. The trades of one trader are taken one at a time on this
 * instance, so each decision sees the positions the previous one opened.
 */
@ApplicationScoped
public class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class.getName());

    /** How old an unsettled entry is before the task takes it from the intake's own hands. */
    static final Duration SETTLING = Duration.ofSeconds(30);

    static final int BATCH = 200;

    @Inject IntakeLog log;

    @Inject CopyDesk desk;

    @Inject WatchedTraders watched;

    @Inject Positions positions;

    @Inject Event<IntakeChanged> changes;

    @Inject Clock clock;

    private final Map<Long, Object> traderLocks = new ConcurrentHashMap<>();

    /**
     * Takes in one trade of a followed trader: written, decided and, when copied, ordered before
     * this returns. A trade taken twice is answered as it stands, copied once.
     */
    public IntakeSnapshot take(long traderId, String feed, LeaderTrade trade) {
        IntakeLog.Received received = log.receive(traderId, feed, trade, clock.instant());
        if (received.fresh()) {
            announce(received.entry());
        }
        return settle(received.entry());
    }

    /**
     * The copy-filter task's run: decides again what waits, decides what a crash left undecided,
     * places the orders a crash left unplaced; each waiting entry that turned too old is skipped.
     *
     * @return how many entries were looked at
     */
    public int refilter() {
        List<IntakeSnapshot> open = log.unsettled(clock.instant().minus(SETTLING), BATCH);
        for (IntakeSnapshot entry : open) {
            try {
                settle(entry);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Intake entry " + entry.id() + " not settled");
            }
        }
        return open.size();
    }

    private IntakeSnapshot settle(IntakeSnapshot entry) {
        synchronized (traderLocks.computeIfAbsent(entry.traderId(), id -> new Object())) {
            IntakeSnapshot now = entry;
            if (entry.status().open()) {
                Optional<CopyDesk.Decided> decided = desk.decide(entry.id());
                if (decided.isEmpty()) {
                    return entry;
                }
                now = decided.get().entry();
                if (decided.get().changed()) {
                    announce(now);
                }
            } else {
                now = log.find(entry.id()).orElse(entry);
            }
            if (now.status() == IntakeStatus.COPIED && now.orderedAt() == null) {
                now = order(now);
                announce(now);
            }
            return now;
        }
    }

    /** Places a copy's order; a refusal turns the entry into a skip with the desk's words. */
    private IntakeSnapshot order(IntakeSnapshot entry) {
        Optional<WatchedTrader> trader = watched.trader(entry.traderId());
        if (trader.isEmpty()) {
            return entry;
        }
        TraderSettings settings = trader.get().settings();
        String book = CopyDecisions.book(entry.traderId());
        String symbol = entry.trade().symbol();
        try {
            if (entry.copyEffect() == Effect.OPENS) {
                Positions.BookedEntry opened =
                        positions.openInBook(
                                book,
                                symbol,
                                entry.copySide(),
                                entry.copyQuantity(),
                                settings.rules(),
                                entry.clientOrderId(),
                                settings.paper());
                OrderSnapshot order = opened.order();
                if (order.status() == OrderState.REJECTED) {
                    return log.refused(
                            entry.id(),
                            "the order desk refused "
                                    + order.clientOrderId()
                                    + (order.reason() == null ? "" : ": " + order.reason()),
                            settings.name(),
                            clock.instant());
                }
                Fill fill = fill(order);
                return log.ordered(
                        entry.id(), order.createdAt(), null, fill.time(), fill.averagePrice());
            }
            Side held = entry.copySide() == Side.SELL ? Side.BUY : Side.SELL;
            List<String> exits =
                    positions.reduceInBook(
                            book,
                            symbol,
                            held,
                            entry.copyQuantity(),
                            CopyDecisions.reductionRule(entry.id()));
            if (exits.isEmpty()) {
                return log.refused(
                        entry.id(),
                        "no open copied " + symbol + " position was left to close",
                        settings.name(),
                        clock.instant());
            }
            return log.ordered(entry.id(), clock.instant(), exits.get(0), null, null);
        } catch (InvalidOrderException | OrderRefusedException | InstrumentResolvedException e) {
            return log.refused(
                    entry.id(),
                    "the order desk refused the order: " + e.getMessage(),
                    settings.name(),
                    clock.instant());
        }
    }

    /** A fill of one of our copy orders reported later (IBKR, an exit): recorded on its entry. */
    void onOrder(@Observes OrderUpdated update) {
        OrderSnapshot order = update.order();
        String id = order.clientOrderId();
        if (!(id.startsWith("cp-") || id.contains("-COPY."))) {
            return;
        }
        Fill fill = fill(order);
        if (fill.time() == null) {
            return;
        }
        try {
            log.filled(id, fill.time(), fill.averagePrice()).ifPresent(this::announce);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "The fill of copy order " + id + " was not recorded");
        }
    }

    private record Fill(Instant time, BigDecimal averagePrice) {}

    private static Fill fill(OrderSnapshot order) {
        List<FillSnapshot> fills = order.fills();
        if (fills == null
                || fills.isEmpty()
                || order.avgFillPrice() == null
                || order.avgFillPrice().signum() <= 0) {
            return new Fill(null, null);
        }
        Instant first =
                fills.stream().map(FillSnapshot::time).min(Instant::compareTo).orElseThrow();
        return new Fill(first, order.avgFillPrice());
    }

    private void announce(IntakeSnapshot entry) {
        try {
            changes.fire(new IntakeChanged(entry));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Intake entry " + entry.id() + ": telling it failed");
        }
    }
}
