package org.tickerdesk.ibkr.wire.messages.account;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * One line of the account's portfolio as TWS reports it after reqAccountUpdates ({@code
 * updatePortfolioValue}): the contract as IB names it, the signed position (zero once closed: TWS
 * reports a contract closed during the day once more, at zero), the market price of one unit, the
 * average cost (per contract: price times multiplier, commissions included) and the realised P&L.
 * Figures IB leaves unset are null; the multiplier is IB's text, empty for none.
 */
public record PortfolioValue(
        String account,
        int conId,
        String symbol,
        String secType,
        String lastTradeDateOrContractMonth,
        String right,
        String multiplier,
        String currency,
        String localSymbol,
        String tradingClass,
        BigDecimal position,
        BigDecimal marketPrice,
        BigDecimal averageCost,
        BigDecimal realizedPnl)
        implements IncomingMessage {

    public PortfolioValue {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(secType, "secType");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(localSymbol, "localSymbol");
        Objects.requireNonNull(position, "position");
        if (symbol.isBlank() && localSymbol.isBlank()) {
            throw new IllegalArgumentException(
                    "a portfolio value names its contract by 'symbol' or 'localSymbol', and both"
                            + " are empty");
        }
    }
}
