package org.tickerdesk.copytrading.control;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A leader's P&amp;L in one symbol from their trades in it: everything they sold less everything
 * they bought, plus what they still hold (long positive, short negative) at the price of their last
 * trade in the symbol. That is their realised plus unrealised P&amp;L, the same under FIFO and
 * under average cost (the two only split it differently between realised and unrealised), and it
 * compares like with like with the copied P&amp;L, which is realised plus unrealised too. It needs
 * only sums, so the database adds up millions of trades without sending them. Marking at the
 * leader's own last price, rather than at today's quote, keeps it the leader's figure: what their
 * trades as reported made. Fees are not reported by feeds and are not counted.
 */
public final class LeaderPnl {

    private LeaderPnl() {}

    /**
     * @param sold the sum of quantity × price of the sells
     * @param bought the sum of quantity × price of the buys
     * @param held bought less sold quantity
     * @param lastPrice the price of the leader's last trade in the symbol
     */
    public static BigDecimal of(
            BigDecimal sold, BigDecimal bought, BigDecimal held, BigDecimal lastPrice) {
        Objects.requireNonNull(sold, "sold");
        Objects.requireNonNull(bought, "bought");
        Objects.requireNonNull(held, "held");
        if (held.signum() != 0 && (lastPrice == null || lastPrice.signum() <= 0)) {
            throw new IllegalArgumentException("a holding needs a last price above zero");
        }
        BigDecimal open = held.signum() == 0 ? BigDecimal.ZERO : held.multiply(lastPrice);
        return sold.subtract(bought).add(open);
    }
}
