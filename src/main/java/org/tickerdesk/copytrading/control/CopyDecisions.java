package org.tickerdesk.copytrading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.tickerdesk.copytrading.entity.CopyContext;
import org.tickerdesk.copytrading.entity.CopyDecision;
import org.tickerdesk.copytrading.entity.CopyQuote;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.SkipReason;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.history.control.TradingSessions;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.control.PositionBook;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;

/**
 * Decides an intake entry with what there is to know now: the {@link CopyContext} gathered from
 * market data (the quote, if not stale), the instrument's trading hours, the trader's copied
 * positions (their book at the order desk's positions) and the leader's earlier trades in the
 * intake; then {@link CopyDecider}. Around it, what the decider leaves to the intake:
 *
 * <ul>
 *   <li>{@link SkipReason#UNKNOWN_INSTRUMENT} when no contract is known for the symbol (the
 *       instruments' catalog, or a watched symbol of the simulated market), after a disabled
 *       trader, who is skipped as disabled whatever the symbol;
 *   <li>a trade that still waits once older than the trader's maximum delay, or {@link
 *       #DEFAULT_MAX_WAIT} when the trader has none, is skipped as {@link SkipReason#TOO_OLD}, so
 *       nothing waits for ever.
 * </ul>
 *
 * A trader in paper mode is decided the same way whatever broker is configured: the copy's order
 * goes to the paper broker, beside a live one if need be (the intake asks the order desk for it).
 *
 * <p>The market counts as open when the instrument's exchange hours (history's {@link
 * TradingSessions}, extended hours for US equities, from the exchange's rules: IB's contract
 * schedule is not read here) have a session now; an exchange whose hours are not known, such as the
 * simulated market's {@code SIM}, is open around the clock.
 */
@ApplicationScoped
public class CopyDecisions {

    /** How long a trade may wait when its trader sets no maximum delay. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(15);

    @Inject IntakeLog log;

    @Inject Positions positions;

    @Inject OrderDesk desk;

    @Inject QuoteStore quotes;

    public CopyDecision decide(TraderSettings settings, IntakeSnapshot entry, Instant now) {
        LeaderTrade trade = entry.trade();
        if (!settings.enabled()) {
            return CopyDecider.decide(settings, trade, nothingKnown(now));
        }
        Optional<Contract> contract = desk.contract(trade.symbol());
        if (contract.isEmpty()) {
            return CopyDecision.skip(
                    SkipReason.UNKNOWN_INSTRUMENT,
                    "no instrument "
                            + trade.symbol()
                            + " is known here: add it to the instruments to copy its trades");
        }
        CopyContext context =
                context(
                        now,
                        quote(trade.symbol()),
                        marketOpen(contract.get(), now),
                        positions.book(book(entry.traderId())),
                        trade.symbol(),
                        log.leaderHeldBefore(entry),
                        this::last);
        return afterwards(
                settings,
                trade,
                entry.receivedAt(),
                CopyDecider.decide(settings, trade, context),
                now);
    }

    /**
     * The intake's own checks on the decider's answer: a wait that lasted too long, and a new
     * position decided long after its trade arrived. The second is what a crash or a stopped server
     * leaves: the copy-filter task decides the trade when Tickerdesk runs again, and a trader who
     * set no maximum delay did not ask for a position opened at market hours after the leader's. A
     * reduction is still made, however late: it takes away what the leader no longer holds.
     */
    static CopyDecision afterwards(
            TraderSettings settings,
            LeaderTrade trade,
            Instant receivedAt,
            CopyDecision decision,
            Instant now) {
        if (decision.status() == CopyDecision.Status.COPIED
                && decision.effect() == CopyDecision.Effect.OPENS
                && settings.filters().maxDelay() == null) {
            Duration late = Duration.between(receivedAt, now);
            if (late.compareTo(DEFAULT_MAX_WAIT) > 0) {
                return CopyDecision.skip(
                        SkipReason.TOO_OLD,
                        "decided "
                                + late.toSeconds()
                                + " s after it arrived (Tickerdesk was not running to decide it),"
                                + " longer than "
                                + DEFAULT_MAX_WAIT.toSeconds()
                                + " s (the default when no maximum delay is set)");
            }
        }
        if (decision.status() == CopyDecision.Status.WAITING) {
            Duration limit =
                    settings.filters().maxDelay() != null
                            ? settings.filters().maxDelay()
                            : DEFAULT_MAX_WAIT;
            Duration age = Duration.between(trade.time(), now);
            if (age.compareTo(limit) > 0) {
                return CopyDecision.skip(
                        SkipReason.TOO_OLD,
                        "waited "
                                + age.toSeconds()
                                + " s since the leader's trade ("
                                + decision.reason().text()
                                + "), longer than "
                                + limit.toSeconds()
                                + " s"
                                + (settings.filters().maxDelay() == null
                                        ? " (the default when no maximum delay is set)"
                                        : ""));
            }
        }
        return decision;
    }

    /**
     * The context of a decision from the trader's book: of its positions waiting for their entry,
     * open or closing, the money in them (held, or ordered while pending, times the last price
     * known: the position's, else its average, else the symbol's quote; nothing when none is), how
     * many there are, and the book's P&amp;L (realised by all positions, unrealised of these); the
     * signed quantity held copied in {@code symbol} by the positions that can still be reduced
     * (open, or pending with what they ordered), and the leader's holding before the trade.
     */
    static CopyContext context(
            Instant now,
            CopyQuote quote,
            boolean marketOpen,
            PositionBook book,
            String symbol,
            BigDecimal leaderHeldBefore,
            Function<String, BigDecimal> lastPrice) {
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal heldCopied = BigDecimal.ZERO;
        int open = 0;
        for (PositionSnapshot p : book.live()) {
            boolean pending = p.state() == PositionState.PENDING;
            BigDecimal held = pending ? p.orderedQuantity() : p.quantity().abs();
            BigDecimal price =
                    p.currentPrice() != null
                            ? p.currentPrice()
                            : p.averagePrice() != null
                                    ? p.averagePrice()
                                    : lastPrice.apply(p.symbol());
            if (price != null) {
                exposure = exposure.add(held.multiply(price));
            }
            if (p.unrealizedPnl() != null) {
                unrealized = unrealized.add(p.unrealizedPnl());
            }
            open++;
            if (p.symbol().equals(symbol) && p.state() != PositionState.CLOSING) {
                heldCopied = heldCopied.add(p.side() == Side.BUY ? held : held.negate());
            }
        }
        return new CopyContext(
                now,
                quote,
                marketOpen,
                exposure,
                open,
                book.realizedPnl().add(unrealized),
                heldCopied,
                leaderHeldBefore);
    }

    /** Whether the contract's market has a session at this instant. */
    static boolean marketOpen(Contract contract, Instant now) {
        return !TradingSessions.of(contract, null, false)
                .overlapping(new TimeRange(now, now.plusMillis(1)))
                .isEmpty();
    }

    /** What the book of every trader's copied positions starts with. */
    public static final String BOOKS = "trader:";

    /** The book a trader's copied positions are kept in at the order desk's positions. */
    public static String book(long traderId) {
        return BOOKS + traderId;
    }

    /**
     * The client order id a copy's order is placed under: derived from the trader, the feed and the
     * leader's trade id alone, so a retry, a repeated delivery or a second instance asks the order
     * desk for the very same order, which it places once.
     */
    public static String clientOrderId(long traderId, String feed, String tradeId) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest((feed + "\n" + tradeId).getBytes(StandardCharsets.UTF_8));
            return "cp-" + traderId + "-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The exit rule a reduction copied from this entry fires on the trader's positions. */
    public static String reductionRule(long entryId) {
        return "COPY:" + entryId;
    }

    private CopyQuote quote(String symbol) {
        return quotes.latest(symbol)
                .map(q -> CopyQuote.of(q.last(), q.bid(), q.ask()))
                .orElse(null);
    }

    private BigDecimal last(String symbol) {
        Optional<Quote> quote = quotes.latest(symbol);
        return quote.map(q -> CopyQuote.of(q.last(), q.bid(), q.ask()).last()).orElse(null);
    }

    private static CopyContext nothingKnown(Instant now) {
        return new CopyContext(
                now,
                null,
                true,
                BigDecimal.ZERO,
                0,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }
}
