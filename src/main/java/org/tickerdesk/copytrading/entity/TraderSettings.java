package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.trading.entity.ExitRules;

/**
 * Everything that decides how one followed trader is copied: the feed their trades come from (a
 * feed's name, e.g. {@code webhook}), whether they are copied at all, whether into the paper broker
 * even when live trading is on, the capital set aside for them, sizing, caps, filters, whether
 * their exits are copied, the copy stop-loss (stop following once the copied P&L has fallen this
 * many percent of the allocation; null: never), the exit rules of the positions copied from them
 * and, for the {@code ibkr} feed only, the leader's IB account code whose executions are their
 * trades (null: none yet, nothing is taken).
 */
public record TraderSettings(
        String name,
        String feed,
        boolean enabled,
        boolean paper,
        BigDecimal allocation,
        Sizing sizing,
        Caps caps,
        Filters filters,
        boolean copyExits,
        BigDecimal copyStopLossPercent,
        ExitRules rules,
        String feedAccount) {

    /** The IB account codes a leader's account may have: {@code U1234567}, {@code DU123}. */
    public static final java.util.regex.Pattern ACCOUNT =
            java.util.regex.Pattern.compile("[A-Z0-9]{2,32}");

    /** Settings with no feed account: a trader whose feed is not {@code ibkr}, or has none yet. */
    public TraderSettings(
            String name,
            String feed,
            boolean enabled,
            boolean paper,
            BigDecimal allocation,
            Sizing sizing,
            Caps caps,
            Filters filters,
            boolean copyExits,
            BigDecimal copyStopLossPercent,
            ExitRules rules) {
        this(
                name,
                feed,
                enabled,
                paper,
                allocation,
                sizing,
                caps,
                filters,
                copyExits,
                copyStopLossPercent,
                rules,
                null);
    }

    public TraderSettings {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        if (feed == null || feed.isBlank()) {
            throw new IllegalArgumentException("feed is needed");
        }
        Objects.requireNonNull(allocation, "allocation");
        if (allocation.signum() <= 0) {
            throw new IllegalArgumentException("allocation must be above zero, not " + allocation);
        }
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(rules, "rules");
        if (copyStopLossPercent != null
                && (copyStopLossPercent.signum() <= 0
                        || copyStopLossPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException(
                    "copyStopLossPercent must be above 0 and at most 100, not "
                            + copyStopLossPercent);
        }
        if (feedAccount != null) {
            if (!feed.equals("ibkr")) {
                throw new IllegalArgumentException(
                        "feedAccount is only for feed ibkr, not " + feed);
            }
            if (!ACCOUNT.matcher(feedAccount).matches()) {
                throw new IllegalArgumentException(
                        "feedAccount is an IB account code such as U1234567, not " + feedAccount);
            }
        }
    }

    /** The same settings, enabled or not. */
    public TraderSettings withEnabled(boolean on) {
        return new TraderSettings(
                name,
                feed,
                on,
                paper,
                allocation,
                sizing,
                caps,
                filters,
                copyExits,
                copyStopLossPercent,
                rules,
                feedAccount);
    }
}
