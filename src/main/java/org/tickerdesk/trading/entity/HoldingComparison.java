package org.tickerdesk.trading.entity;

import java.math.BigDecimal;

/**
 * One instrument of one account: the sum of Tickerdesk's open positions beside what the broker says
 * the account holds ({@code brokerQuantity} null when the broker keeps no account of its own, as
 * the paper broker). {@code unexplained} is the broker's figure less Tickerdesk's: what a position
 * could adopt; anything but zero is flagged.
 */
public record HoldingComparison(
        String account,
        String symbol,
        BigDecimal positionsQuantity,
        BigDecimal brokerQuantity,
        BigDecimal brokerAverageCost,
        BigDecimal unexplained) {

    public boolean differs() {
        return unexplained != null && unexplained.signum() != 0;
    }
}
