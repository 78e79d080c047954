package org.tickerdesk.ibkr.wire.messages.account;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * What one account holds of one contract ({@code position}): the contract as IB names it, the
 * signed quantity (negative when short, zero once closed) and the average cost per unit, which is
 * null when IB leaves it unset. {@code secType} is IB's code as sent, a kind Tickerdesk does not
 * trade included.
 */
public record Position(
        String account,
        int conId,
        String symbol,
        String secType,
        String lastTradeDateOrContractMonth,
        String exchange,
        String currency,
        String localSymbol,
        String tradingClass,
        BigDecimal quantity,
        BigDecimal averageCost)
        implements IncomingMessage {

    public Position {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(secType, "secType");
        Objects.requireNonNull(localSymbol, "localSymbol");
        Objects.requireNonNull(quantity, "quantity");
        if (symbol.isBlank() && localSymbol.isBlank()) {
            throw new IllegalArgumentException(
                    "a position names its contract by 'symbol' or 'localSymbol', and both are"
                            + " empty");
        }
    }
}
