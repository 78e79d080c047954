package org.tickerdesk.copytrading.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.tickerdesk.copytrading.entity.Caps;
import org.tickerdesk.copytrading.entity.CopyContext;
import org.tickerdesk.copytrading.entity.CopyDecision;
import org.tickerdesk.copytrading.entity.CopyDecision.Effect;
import org.tickerdesk.copytrading.entity.Filters;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.SkipReason;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.trading.entity.Side;

/**
 * Decides what becomes of one leader trade, from the trader's settings and a {@link CopyContext}
 * taken at one moment; the same inputs always give the same decision. Deciding again later (a
 * waiting trade, every 30 s) is deciding with a newer context.
 *
 * <h2>Entries and exits</h2>
 *
 * The leader's holding in the symbol before the trade says what the trade is. A sell while the
 * leader held more than zero, or a buy while they held less than zero, is an <em>exit</em>: it
 * reduces or closes their position. Anything else is an <em>entry</em>: a buy while they held zero
 * or more opens or adds to a long, a sell while they held zero or less opens or adds to a short. A
 * trade larger than the leader's position (a reversal) is an exit that closes everything copied;
 * the part beyond the leader's position, which opens the other way, is not copied (the detail says
 * so).
 *
 * <h2>Checks of an entry, in this order; the first that fails decides</h2>
 *
 * <ol>
 *   <li>the trader is disabled: {@link SkipReason#TRADER_DISABLED};
 *   <li>the copy stop-loss ({@link CopyStopLoss}): {@link SkipReason#COPY_STOP_LOSS};
 *   <li>allowed instruments (when any are listed), then denied ones, symbols compared ignoring
 *       case: {@link SkipReason#INSTRUMENT_NOT_ALLOWED}, {@link SkipReason#INSTRUMENT_DENIED};
 *   <li>age (now − the leader's time) over the maximum delay; exactly at it is still in time:
 *       {@link SkipReason#TOO_OLD}. A waiting trade decided again becomes too old here;
 *   <li>the market closed, then no price to expect: waits with {@link SkipReason#MARKET_CLOSED} or
 *       {@link SkipReason#NO_QUOTE} (a closed market is named first: no quote is expected then);
 *   <li>price deviation: |reference − leader's price| / leader's price × 100 over the maximum
 *       (exactly at it passes): {@link SkipReason#PRICE_MOVED}. The reference is the price the copy
 *       expects, {@link org.tickerdesk.copytrading.entity.CopyQuote#referenceFor}: the ask for a
 *       buy, the bid for a sell, the last trade when that side is missing;
 *   <li>sizing ({@link CopySizer}) at the reference price: {@link SkipReason#NO_LEADER_PORTFOLIO},
 *       {@link SkipReason#SIZED_TO_NOTHING};
 *   <li>the copy's value (quantity × reference) against the minimum then the maximum trade size:
 *       {@link SkipReason#BELOW_MIN_SIZE}, {@link SkipReason#ABOVE_MAX_SIZE}. These are filters: a
 *       trade outside them is skipped, never resized;
 *   <li>caps, in this order: open positions (only when the copy opens a new position, that is
 *       nothing is held copied in the symbol on the copy's side), per trade, total exposure (cap −
 *       open exposure), then the allocation (allocation − open exposure). The caps on money
 *       <em>scale the copy down</em> to the whole quantity that fits (exactly at a cap fits), as
 *       eToro's users expect; the trade is skipped with the cap's reason ({@link
 *       SkipReason#OVER_POSITIONS_CAP}, {@link SkipReason#OVER_TRADE_CAP}, {@link
 *       SkipReason#OVER_EXPOSURE_CAP}, {@link SkipReason#ALLOCATION_USED}) only when not one unit
 *       fits, or when what fits is below the minimum trade size.
 * </ol>
 *
 * <h2>Checks of an exit</h2>
 *
 * Disabled first ({@link SkipReason#TRADER_DISABLED}: a trader who is not followed has nothing
 * copied, exits neither; the copied positions stay guarded by the trader's exit rules), then {@link
 * SkipReason#EXITS_NOT_COPIED} when the trader's exits are not copied, {@link
 * SkipReason#NOTHING_TO_CLOSE} when nothing is held copied on the leader's side, then the market
 * and the quote (waits, as an entry). An exit is not held back by the copy stop-loss, instruments,
 * age, price deviation, sizes or caps: closing only lowers the risk they are there to limit, and a
 * copy that stayed open after the leader left would follow no one. It closes the same share of what
 * is held copied as the leader closed of their position, rounded down to whole units (all of it
 * when the leader closed all of theirs); less than one unit is {@link SkipReason#SIZED_TO_NOTHING}.
 *
 * <p>Not decided here: {@link SkipReason#UNKNOWN_INSTRUMENT} (the intake, which looks the contract
 * up) and {@link SkipReason#ORDER_REFUSED} (the order desk).
 */
public final class CopyDecider {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CopyDecider() {}

    /** The decision on {@code trade} for the trader with {@code settings}, in {@code context}. */
    public static CopyDecision decide(
            TraderSettings settings, LeaderTrade trade, CopyContext context) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(context, "context");
        if (!settings.enabled()) {
            return CopyDecision.skip(
                    SkipReason.TRADER_DISABLED, "the trader " + settings.name() + " is disabled");
        }
        return isExit(trade.side(), context.leaderHeldBefore())
                ? exit(settings, trade, context)
                : entry(settings, trade, context);
    }

    /** True when a trade on {@code side} reduces a leader's holding of {@code heldBefore}. */
    public static boolean isExit(Side side, BigDecimal heldBefore) {
        return side == Side.SELL ? heldBefore.signum() > 0 : heldBefore.signum() < 0;
    }

    private static CopyDecision entry(TraderSettings settings, LeaderTrade trade, CopyContext c) {
        Filters filters = settings.filters();
        String symbol = trade.symbol();
        if (CopyStopLoss.paused(
                settings.allocation(), settings.copyStopLossPercent(), c.copiedPnl())) {
            return CopyDecision.skip(
                    SkipReason.COPY_STOP_LOSS,
                    "the copied P&L "
                            + money(c.copiedPnl())
                            + " is at or below the copy stop-loss "
                            + money(
                                    CopyStopLoss.threshold(
                                            settings.allocation(), settings.copyStopLossPercent()))
                            + " ("
                            + plain(settings.copyStopLossPercent())
                            + " % of the allocation "
                            + money(settings.allocation())
                            + ")");
        }
        if (!filters.allowed().isEmpty() && !contains(filters.allowed(), symbol)) {
            return CopyDecision.skip(
                    SkipReason.INSTRUMENT_NOT_ALLOWED,
                    symbol
                            + " is not among the allowed "
                            + String.join(", ", filters.allowed().stream().sorted().toList()));
        }
        if (contains(filters.denied(), symbol)) {
            return CopyDecision.skip(SkipReason.INSTRUMENT_DENIED, symbol + " is denied");
        }
        Duration age = Duration.between(trade.time(), c.now());
        if (filters.maxDelay() != null && age.compareTo(filters.maxDelay()) > 0) {
            return CopyDecision.skip(
                    SkipReason.TOO_OLD,
                    "the trade is "
                            + seconds(age)
                            + " old, over the maximum delay of "
                            + seconds(filters.maxDelay()));
        }
        CopyDecision waits = waitsForMarket(trade, c);
        if (waits != null) {
            return waits;
        }
        BigDecimal price = c.quote().referenceFor(trade.side());
        String priceName = priceName(c, trade.side());
        BigDecimal maxDeviation = filters.maxPriceDeviationPercent();
        BigDecimal distance = price.subtract(trade.price()).abs();
        if (maxDeviation != null
                && distance.multiply(HUNDRED).compareTo(maxDeviation.multiply(trade.price())) > 0) {
            return CopyDecision.skip(
                    SkipReason.PRICE_MOVED,
                    "the "
                            + priceName
                            + " "
                            + plain(price)
                            + " is "
                            + plain(
                                    distance.multiply(HUNDRED)
                                            .divide(trade.price(), 4, RoundingMode.UP))
                            + " % from the leader's price "
                            + plain(trade.price())
                            + ", over the maximum of "
                            + plain(maxDeviation)
                            + " %");
        }
        return size(settings, trade, c, price, priceName);
    }

    private static CopyDecision size(
            TraderSettings settings,
            LeaderTrade trade,
            CopyContext c,
            BigDecimal price,
            String priceName) {
        Sizing sizing = settings.sizing();
        BigDecimal quantity = CopySizer.size(sizing, trade, settings.allocation(), price);
        if (quantity == null) {
            return CopyDecision.skip(
                    SkipReason.NO_LEADER_PORTFOLIO,
                    "sizing as a share of the leader's portfolio needs its value, which the trade"
                            + " does not carry");
        }
        String sized = sizedHow(sizing, trade, settings.allocation(), price, priceName);
        if (quantity.signum() == 0) {
            return CopyDecision.skip(
                    SkipReason.SIZED_TO_NOTHING, sized + " rounds down to 0 units");
        }
        Filters filters = settings.filters();
        BigDecimal value = quantity.multiply(price);
        String valueText =
                "the copy's value "
                        + money(value)
                        + " ("
                        + plain(quantity)
                        + " × "
                        + plain(price)
                        + ")";
        if (filters.minTradeSize() != null && value.compareTo(filters.minTradeSize()) < 0) {
            return CopyDecision.skip(
                    SkipReason.BELOW_MIN_SIZE,
                    valueText
                            + " is below the minimum trade size "
                            + money(filters.minTradeSize()));
        }
        if (filters.maxTradeSize() != null && value.compareTo(filters.maxTradeSize()) > 0) {
            return CopyDecision.skip(
                    SkipReason.ABOVE_MAX_SIZE,
                    valueText
                            + " is above the maximum trade size "
                            + money(filters.maxTradeSize()));
        }
        Caps caps = settings.caps();
        boolean opensPosition =
                trade.side() == Side.BUY
                        ? c.heldCopied().signum() <= 0
                        : c.heldCopied().signum() >= 0;
        if (caps.openPositions() != null
                && opensPosition
                && c.openPositions() >= caps.openPositions()) {
            return CopyDecision.skip(
                    SkipReason.OVER_POSITIONS_CAP,
                    c.openPositions()
                            + " copied positions are open, the cap is "
                            + caps.openPositions());
        }
        Fit fit = new Fit(quantity, price, filters.minTradeSize());
        CopyDecision over =
                fit.limit(caps.perTrade(), SkipReason.OVER_TRADE_CAP, "the cap per trade");
        if (over == null && caps.totalExposure() != null) {
            over =
                    fit.limit(
                            caps.totalExposure().subtract(c.openExposure()),
                            SkipReason.OVER_EXPOSURE_CAP,
                            "what is left under the cap on total exposure "
                                    + money(caps.totalExposure())
                                    + " with "
                                    + money(c.openExposure())
                                    + " open");
        }
        if (over == null) {
            over =
                    fit.limit(
                            settings.allocation().subtract(c.openExposure()),
                            SkipReason.ALLOCATION_USED,
                            "what is left of the allocation "
                                    + money(settings.allocation())
                                    + " with "
                                    + money(c.openExposure())
                                    + " open");
        }
        if (over != null) {
            return over;
        }
        return CopyDecision.copy(
                trade.side(),
                fit.quantity,
                Effect.OPENS,
                price,
                sized
                        + " = "
                        + plain(quantity)
                        + fit.scaled
                        + "; "
                        + plain(fit.quantity)
                        + " × "
                        + priceName
                        + " "
                        + plain(price)
                        + " = "
                        + money(fit.quantity.multiply(price)));
    }

    /**
     * The quantity of a copy as the caps on money bring it down: each limit keeps the largest whole
     * quantity whose value is at most the limit.
     */
    private static final class Fit {
        private BigDecimal quantity;
        private final BigDecimal price;
        private final BigDecimal minValue;
        private String scaled = "";

        Fit(BigDecimal quantity, BigDecimal price, BigDecimal minValue) {
            this.quantity = quantity;
            this.price = price;
            this.minValue = minValue;
        }

        /** Brings the quantity under {@code limit} (null: none); a skip when nothing fits. */
        CopyDecision limit(BigDecimal limit, SkipReason reason, String name) {
            if (limit == null || quantity.multiply(price).compareTo(limit) <= 0) {
                return null;
            }
            BigDecimal fits =
                    limit.signum() <= 0
                            ? BigDecimal.ZERO
                            : limit.divide(price, 0, RoundingMode.DOWN);
            String limitText = name + (limit.signum() <= 0 ? "" : " (" + money(limit) + ")");
            if (fits.signum() == 0) {
                return CopyDecision.skip(
                        reason,
                        "not one unit at "
                                + plain(price)
                                + " fits "
                                + limitText
                                + "; "
                                + plain(quantity)
                                + " would be "
                                + money(quantity.multiply(price)));
            }
            BigDecimal value = fits.multiply(price);
            if (minValue != null && value.compareTo(minValue) < 0) {
                return CopyDecision.skip(
                        reason,
                        plain(fits)
                                + " units ("
                                + money(value)
                                + ") fit "
                                + limitText
                                + ", below the minimum trade size "
                                + money(minValue));
            }
            scaled +=
                    "; scaled down from "
                            + plain(quantity)
                            + " to "
                            + plain(fits)
                            + " by "
                            + limitText;
            quantity = fits;
            return null;
        }
    }

    private static CopyDecision exit(TraderSettings settings, LeaderTrade trade, CopyContext c) {
        BigDecimal leaderHeld = c.leaderHeldBefore().abs();
        String leaderSide = c.leaderHeldBefore().signum() > 0 ? "long" : "short";
        BigDecimal leaderExit = trade.quantity().min(leaderHeld);
        boolean full = leaderExit.compareTo(leaderHeld) == 0;
        String what =
                "the leader "
                        + (full ? "closed their " : "reduced their ")
                        + leaderSide
                        + " "
                        + plain(leaderHeld)
                        + " "
                        + trade.symbol()
                        + (full
                                ? ""
                                : " by "
                                        + plain(leaderExit)
                                        + " ("
                                        + plain(
                                                leaderExit
                                                        .multiply(HUNDRED)
                                                        .divide(
                                                                leaderHeld,
                                                                2,
                                                                RoundingMode.HALF_UP))
                                        + " %)");
        if (!settings.copyExits()) {
            return CopyDecision.skip(
                    SkipReason.EXITS_NOT_COPIED, what + "; the trader's exits are not copied");
        }
        BigDecimal ours = c.heldCopied();
        if (ours.signum() != c.leaderHeldBefore().signum()) {
            return CopyDecision.skip(
                    SkipReason.NOTHING_TO_CLOSE,
                    what + "; no " + leaderSide + " " + trade.symbol() + " is held copied");
        }
        CopyDecision waits = waitsForMarket(trade, c);
        if (waits != null) {
            return waits;
        }
        BigDecimal oursHeld = ours.abs();
        BigDecimal quantity =
                full
                        ? oursHeld.setScale(0, RoundingMode.DOWN)
                        : oursHeld.multiply(leaderExit).divide(leaderHeld, 0, RoundingMode.DOWN);
        String share =
                full
                        ? "closing all "
                        : "closing "
                                + plain(oursHeld)
                                + " × "
                                + plain(leaderExit)
                                + " / "
                                + plain(leaderHeld)
                                + " = "
                                + plain(quantity)
                                + " of ";
        String reversal =
                trade.quantity().compareTo(leaderHeld) > 0
                        ? "; the leader reversed: the "
                                + plain(trade.quantity().subtract(leaderHeld))
                                + " beyond their position are not copied"
                        : "";
        if (quantity.signum() == 0) {
            return CopyDecision.skip(
                    SkipReason.SIZED_TO_NOTHING,
                    what
                            + "; "
                            + plain(oursHeld)
                            + " × "
                            + plain(leaderExit)
                            + " / "
                            + plain(leaderHeld)
                            + " held copied rounds down to 0 units");
        }
        BigDecimal price = c.quote().referenceFor(trade.side());
        return CopyDecision.copy(
                trade.side(),
                quantity,
                Effect.REDUCES,
                price,
                what + "; " + share + plain(oursHeld) + " held copied" + reversal);
    }

    private static CopyDecision waitsForMarket(LeaderTrade trade, CopyContext c) {
        if (!c.marketOpen()) {
            return CopyDecision.waiting(
                    SkipReason.MARKET_CLOSED, "the market of " + trade.symbol() + " is closed");
        }
        if (c.quote() == null || c.quote().referenceFor(trade.side()) == null) {
            return CopyDecision.waiting(
                    SkipReason.NO_QUOTE,
                    "no "
                            + (trade.side() == Side.BUY ? "ask" : "bid")
                            + " or last price for "
                            + trade.symbol()
                            + " yet");
        }
        return null;
    }

    private static String sizedHow(
            Sizing sizing,
            LeaderTrade trade,
            BigDecimal allocation,
            BigDecimal price,
            String priceName) {
        return switch (sizing.mode()) {
            case FIXED ->
                    "fixed " + money(sizing.amount()) + " / " + priceName + " " + plain(price);
            case RATIO ->
                    "ratio " + plain(sizing.ratio()) + " × the leader's " + plain(trade.quantity());
            case SHARE ->
                    "the leader's "
                            + money(trade.quantity().multiply(trade.price()))
                            + " of "
                            + money(trade.leaderPortfolioValue())
                            + " as a share of the allocation "
                            + money(allocation)
                            + " / "
                            + priceName
                            + " "
                            + plain(price);
        };
    }

    private static String priceName(CopyContext c, Side side) {
        BigDecimal near = side == Side.BUY ? c.quote().ask() : c.quote().bid();
        return near != null ? (side == Side.BUY ? "ask" : "bid") : "last";
    }

    private static boolean contains(Set<String> symbols, String symbol) {
        return symbols.stream().anyMatch(s -> s.equalsIgnoreCase(symbol));
    }

    /** Money with two decimals and thousands separated by commas: 12,000.00. */
    static String money(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String seconds(Duration d) {
        return plain(BigDecimal.valueOf(d.toMillis(), 3)) + " s";
    }
}
