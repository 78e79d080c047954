package org.tickerdesk.trading.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.trading.entity.OrderTicket;

/**
 * An order in the paper broker's book and the rules by which a quote fills it. A buy looks at the
 * ask, a sell at the bid (the touch). A stop triggers once the touch reaches the stop price, and
 * then acts as a market order (STP) or a limit order (STP_LMT). A market order fills at the touch
 * moved against the trader by the slippage; a limit order fills only while the touch is at or
 * better than the limit, at that slipped price but never worse than the limit.
 */
final class RestingOrder {

    final OrderTicket ticket;
    final String brokerOrderId;
    final BigDecimal remaining;
    private final Instant expiresAt;
    private boolean triggered;

    RestingOrder(
            OrderTicket ticket, String brokerOrderId, BigDecimal remaining, Instant expiresAt) {
        this.ticket = ticket;
        this.brokerOrderId = brokerOrderId;
        this.remaining = remaining;
        this.expiresAt = expiresAt;
    }

    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The price this quote fills the order at, or empty while it does not. */
    Optional<BigDecimal> fillPrice(Quote quote, int slippageTicks) {
        double side = ticket.buys() ? quote.ask() : quote.bid();
        if (Double.isNaN(side)) {
            return Optional.empty();
        }
        BigDecimal touch = BigDecimal.valueOf(side);
        if (ticket.type().needsStop() && !triggered) {
            int toStop = touch.compareTo(ticket.stopPrice());
            if (ticket.buys() ? toStop < 0 : toStop > 0) {
                return Optional.empty();
            }
            triggered = true;
        }
        BigDecimal tick = ticket.contract().tickSize();
        BigDecimal slippage = tick.multiply(BigDecimal.valueOf(slippageTicks));
        BigDecimal slipped =
                ticket.buys() ? touch.add(slippage) : touch.subtract(slippage).max(tick);
        BigDecimal limit = ticket.limitPrice();
        if (limit == null) {
            return Optional.of(slipped);
        }
        int toLimit = touch.compareTo(limit);
        if (ticket.buys() ? toLimit > 0 : toLimit < 0) {
            return Optional.empty();
        }
        return Optional.of(ticket.buys() ? slipped.min(limit) : slipped.max(limit));
    }
}
