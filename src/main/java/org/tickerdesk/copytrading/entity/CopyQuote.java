package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import org.tickerdesk.trading.entity.Side;

/**
 * The prices of an instrument a copy is decided on: last trade, best bid and best ask, each null
 * when the source has not sent it. A copy expects to pay the ask when it buys and get the bid when
 * it sells; when that side is missing the last trade stands in ({@link #referenceFor}).
 */
public record CopyQuote(BigDecimal last, BigDecimal bid, BigDecimal ask) {

    public CopyQuote {
        positive(last, "last");
        positive(bid, "bid");
        positive(ask, "ask");
    }

    /**
     * The quote as market data delivers it, in doubles with NaN for a price not sent yet; a price
     * that is not above zero counts as not sent, as a source sends zero or -1 before its first
     * tick.
     */
    public static CopyQuote of(double last, double bid, double ask) {
        return new CopyQuote(money(last), money(bid), money(ask));
    }

    /**
     * The price a copy on this side expects: the ask for a buy, the bid for a sell, the last trade
     * when that one is missing, null when both are.
     */
    public BigDecimal referenceFor(Side side) {
        BigDecimal near = side == Side.BUY ? ask : bid;
        return near != null ? near : last;
    }

    private static BigDecimal money(double price) {
        return Double.isNaN(price) || Double.isInfinite(price) || price <= 0
                ? null
                : BigDecimal.valueOf(price);
    }

    private static void positive(BigDecimal value, String name) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be above zero, not " + value);
        }
    }
}
