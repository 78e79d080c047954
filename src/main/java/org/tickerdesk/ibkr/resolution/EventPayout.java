package org.tickerdesk.ibkr.resolution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.ibkr.account.IbkrPortfolio;
import org.tickerdesk.ibkr.account.IbkrPortfolio.Line;
import org.tickerdesk.ibkr.account.IbkrPortfolio.Seen;
import org.tickerdesk.ibkr.wire.messages.account.PortfolioValue;
import org.tickerdesk.resolution.entity.Outcome;
import org.tickerdesk.resolution.entity.Resolution;
import org.tickerdesk.resolution.entity.SourceAnswer;

/**
 * An event contract's outcome read from what the account's portfolio showed of it once its trading
 * was over (from 00:00 UTC after its expiry day, {@link DayBars#closed}). A contract that pays 1
 * per unit on YES and nothing on NO shows it in one of two ways:
 *
 * <ul>
 *   <li>still held, at a market price of exactly 1 (YES) or exactly 0 (NO): nothing trades at those
 *       prices, only a resolved contract is marked there;
 *   <li>gone, in the line TWS sends at position 0: its realised P&L is what the settlement paid
 *       less what the held quantity Q cost at the average cost C (per contract, the multiplier m
 *       and commissions included), so the payout per unit is (C + ΔR / Q) / m, ΔR being the
 *       realised P&L added since the line last seen held. This is taken only when that last line
 *       held was seen after trading ended too, so the close cannot have been a trade; and the
 *       payout must be within 0.001 of 1 (YES) or 0 (NO), the slack of IB's figures being doubles.
 * </ul>
 *
 * Anything else (a price between, no line seen after trading ended, a close whose quantity or cost
 * was never seen, accounts that disagree) is no outcome: the answer says what was seen instead.
 */
final class EventPayout {

    static final BigDecimal SLACK = new BigDecimal("0.001");

    private EventPayout() {}

    /** What one line shows: an outcome with how it was seen, or what was seen instead. */
    private record Reading(Outcome outcome, String text) {}

    static SourceAnswer judge(String symbol, LocalDate expiry, String account, List<Line> lines) {
        if (lines.isEmpty()) {
            return SourceAnswer.cannotTell(
                    "The IBKR account "
                            + (account == null ? "" : account + " ")
                            + "has not shown "
                            + symbol
                            + " in its portfolio since Tickerdesk connected, so its payout cannot"
                            + " be seen; enter the outcome");
        }
        List<Reading> readings = lines.stream().map(l -> read(l, expiry)).toList();
        List<Reading> decided = readings.stream().filter(r -> r.outcome() != null).toList();
        List<String> seen = new ArrayList<>();
        readings.forEach(r -> seen.add(r.text()));
        String all = String.join("; ", seen);
        if (decided.isEmpty()) {
            return SourceAnswer.cannotTell(symbol + " awaits its outcome: " + all);
        }
        Outcome outcome = decided.get(0).outcome();
        if (decided.stream().anyMatch(r -> r.outcome() != outcome)) {
            return SourceAnswer.cannotTell(
                    symbol + ": the accounts' figures disagree on its outcome: " + all);
        }
        return SourceAnswer.resolved(
                Resolution.of(outcome, symbol + ": " + decided.get(0).text() + " (IBKR account)"));
    }

    private static Reading read(Line line, LocalDate expiry) {
        Seen latest = line.latest();
        String in = "in " + line.account() + ", ";
        if (!over(expiry, latest.at())) {
            return undecided(
                    in
                            + "last reported at "
                            + latest.at()
                            + ", before its trading was over (00:00 UTC after "
                            + expiry
                            + ")");
        }
        PortfolioValue v = latest.value();
        if (latest.held()) {
            return held(in, v);
        }
        return closed(in, line, expiry);
    }

    private static Reading held(String in, PortfolioValue v) {
        String seen = in + "held " + shown(v.position()) + " at a market price of ";
        BigDecimal price = v.marketPrice();
        if (price == null) {
            return undecided(seen + "none (IB left it unset)");
        }
        seen += shown(price) + " after its trading was over";
        if (price.compareTo(BigDecimal.ONE) == 0) {
            return new Reading(Outcome.YES, seen + ": it pays 1");
        }
        if (price.signum() == 0) {
            return new Reading(Outcome.NO, seen + ": it pays nothing");
        }
        return undecided(seen + ", neither 1 nor 0");
    }

    private static Reading closed(String in, Line line, LocalDate expiry) {
        PortfolioValue last = line.latest().value();
        String seen = in + "closed (position 0, realised P&L " + shown(last.realizedPnl()) + ")";
        Seen before = line.lastHeld();
        if (before == null) {
            return undecided(seen + ", but what it held before was not seen");
        }
        PortfolioValue held = before.value();
        seen +=
                " after holding "
                        + shown(held.position())
                        + " at an average cost of "
                        + shown(held.averageCost())
                        + " (realised P&L "
                        + shown(held.realizedPnl())
                        + ")";
        if (!over(expiry, before.at())) {
            return undecided(
                    seen
                            + ", last seen held at "
                            + before.at()
                            + ", before its trading was over, so the close may have been a trade");
        }
        Optional<BigDecimal> multiplier = multiplier(held.multiplier());
        if (last.realizedPnl() == null
                || held.averageCost() == null
                || held.realizedPnl() == null
                || multiplier.isEmpty()) {
            return undecided(seen + ": IB left a figure unset or unreadable");
        }
        BigDecimal gained = last.realizedPnl().subtract(held.realizedPnl());
        BigDecimal payout =
                held.averageCost()
                        .add(gained.divide(held.position(), MathContext.DECIMAL64))
                        .divide(multiplier.get(), MathContext.DECIMAL64);
        String works = seen + ": it paid " + shown(payout.round(new MathContext(6))) + " per unit";
        if (payout.subtract(BigDecimal.ONE).abs().compareTo(SLACK) <= 0) {
            return new Reading(Outcome.YES, works);
        }
        if (payout.abs().compareTo(SLACK) <= 0) {
            return new Reading(Outcome.NO, works);
        }
        return undecided(works + ", neither 1 nor 0");
    }

    private static Optional<BigDecimal> multiplier(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(BigDecimal.ONE);
        }
        try {
            BigDecimal m = new BigDecimal(text.trim());
            return m.signum() > 0 ? Optional.of(m) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean over(LocalDate expiry, Instant at) {
        return DayBars.closed(expiry, at);
    }

    private static Reading undecided(String text) {
        return new Reading(null, text);
    }

    private static String shown(BigDecimal value) {
        return IbkrPortfolio.shown(value);
    }
}
