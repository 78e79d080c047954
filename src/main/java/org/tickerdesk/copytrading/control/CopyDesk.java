package org.tickerdesk.copytrading.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.tickerdesk.copytrading.entity.CopyDecision;
import org.tickerdesk.copytrading.entity.IntakeEntry;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.SkipReason;
import org.tickerdesk.copytrading.entity.TradeCopied;
import org.tickerdesk.copytrading.entity.TradeSkipped;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.trading.control.EntryGate;
import org.tickerdesk.trading.control.InstrumentResolvedException;

/**
 * Decides one intake entry in one transaction: the entry's row is locked, so one entry is decided
 * by one caller at a time (a trade delivered twice at once, the filter task beside the webhook); an
 * entry decided for good already is answered as it is. The decision is recorded and {@link
 * TradeCopied} or {@link TradeSkipped} fired in the same transaction, so what observes them
 * (notifications) commits with the decision or not at all.
 */
@Stateless
public class CopyDesk {

    /** An entry after its decision; {@code changed} when its status or reason is new. */
    public record Decided(IntakeSnapshot entry, boolean changed) {}

    @Inject IntakeLog log;

    @Inject WatchedTraders watched;

    @Inject CopyDecisions decisions;

    @Inject Event<TradeCopied> copied;

    @Inject Event<TradeSkipped> skipped;

    @Inject EntryGate entries;

    @Inject Clock clock;

    /**
     * @return empty when there is no such entry (its trader was deleted with it)
     */
    public Optional<Decided> decide(long entryId) {
        Optional<IntakeEntry> locked = log.lock(entryId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        IntakeEntry entry = locked.get();
        IntakeSnapshot before = entry.snapshot();
        if (!before.status().open()) {
            return Optional.of(new Decided(before, false));
        }
        Optional<WatchedTrader> trader = watched.trader(before.traderId());
        if (trader.isEmpty()) {
            return Optional.of(new Decided(before, false));
        }
        Instant now = clock.instant();
        CopyDecision decision =
                gated(before, decisions.decide(trader.get().settings(), before, now));
        boolean copy = decision.status() == CopyDecision.Status.COPIED;
        entry.decided(
                decision,
                copy
                        ? CopyDecisions.clientOrderId(
                                before.traderId(), before.feed(), before.trade().tradeId())
                        : null,
                now);
        IntakeSnapshot after = entry.snapshot();
        String name = trader.get().settings().name();
        if (after.status() == IntakeStatus.COPIED) {
            copied.fire(new TradeCopied(after, name));
        } else if (after.status() == IntakeStatus.SKIPPED) {
            skipped.fire(new TradeSkipped(after, name));
        }
        boolean changed =
                before.status() != after.status()
                        || !Objects.equals(before.reason(), after.reason());
        return Optional.of(new Decided(after, changed));
    }

    /**
     * A copy that would open a position in an instrument whose resolution settled it is refused
     * here, before it is recorded and told as copied: the order desk's positions would refuse its
     * order anyway ({@link EntryGate}), and the trader would read "copied" then "skipped".
     */
    private CopyDecision gated(IntakeSnapshot entry, CopyDecision decision) {
        if (decision.status() != CopyDecision.Status.COPIED
                || decision.effect() != CopyDecision.Effect.OPENS) {
            return decision;
        }
        try {
            entries.position(entry.trade().symbol());
            return decision;
        } catch (InstrumentResolvedException e) {
            return CopyDecision.skip(
                    SkipReason.ORDER_REFUSED,
                    "no new position is opened in a resolved instrument: " + e.getMessage());
        }
    }
}
