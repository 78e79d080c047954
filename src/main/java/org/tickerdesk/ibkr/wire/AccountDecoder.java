package org.tickerdesk.ibkr.wire;

import java.math.BigDecimal;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.account.AccountDownloadEnd;
import org.tickerdesk.ibkr.wire.messages.account.PortfolioValue;
import org.tickerdesk.ibkr.wire.messages.account.Position;
import org.tickerdesk.ibkr.wire.messages.account.PositionEnd;

/**
 * position and positionEnd, updatePortfolioValue and accountDownloadEnd. Unlike most messages,
 * position's and updatePortfolioValue's layouts follow their own version fields, as IB's decoder
 * reads them.
 *
 * <p>position: the trading class from version 2, the average cost from 3 (TWS sends 3 on every
 * server version we negotiate). The quantity is a decimal on all of them (since 101).
 */
final class AccountDecoder {

    private AccountDecoder() {}

    static IncomingMessage position(FieldReader in) throws MalformedMessageException {
        int version = in.integer("version");
        String account = in.string("account");
        int conId = in.integer("conId");
        String symbol = in.string("symbol");
        String secType = in.string("secType");
        String expiry = in.string("lastTradeDateOrContractMonth");
        in.optionalDecimal("strike");
        in.skip(2, "right, multiplier");
        String exchange = in.string("exchange");
        String currency = in.string("currency");
        String localSymbol = in.string("localSymbol");
        String tradingClass = version >= 2 ? in.string("tradingClass") : "";
        BigDecimal quantity = in.size("position");
        BigDecimal averageCost = version >= 3 ? in.optionalDecimal("avgCost") : null;
        return new Position(
                account,
                conId,
                symbol,
                secType,
                expiry,
                exchange,
                currency,
                localSymbol,
                tradingClass,
                quantity,
                averageCost);
    }

    static IncomingMessage positionEnd(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new PositionEnd();
    }

    /**
     * updatePortfolioValue: the conId from version 6, the multiplier and primary exchange from 7,
     * the local symbol from 2, the trading class from 8, the costs and P&L from 3, the account from
     * 4 (TWS sends 8). The position is a decimal; market price, market value, average cost and both
     * P&Ls are doubles, any of them possibly IB's unset value.
     */
    static IncomingMessage portfolioValue(int serverVersion, FieldReader in)
            throws MalformedMessageException {
        int version = in.integer("version");
        int conId = version >= 6 ? in.integer("conId") : 0;
        String symbol = in.string("symbol");
        String secType = in.string("secType");
        String expiry = in.string("lastTradeDateOrContractMonth");
        in.optionalDecimal("strike");
        String right = in.string("right");
        String multiplier = "";
        if (version >= 7) {
            multiplier = in.string("multiplier");
            in.string("primaryExchange");
        }
        String currency = in.string("currency");
        String localSymbol = version >= 2 ? in.string("localSymbol") : "";
        String tradingClass = version >= 8 ? in.string("tradingClass") : "";
        BigDecimal position = in.size("position");
        BigDecimal marketPrice = in.optionalDecimal("marketPrice");
        in.optionalDecimal("marketValue");
        BigDecimal averageCost = null;
        BigDecimal realizedPnl = null;
        if (version >= 3) {
            averageCost = in.optionalDecimal("averageCost");
            in.optionalDecimal("unrealizedPNL");
            realizedPnl = in.optionalDecimal("realizedPNL");
        }
        String account = version >= 4 ? in.string("accountName") : "";
        if (version == 6 && serverVersion == 39) {
            in.string("primaryExchange");
        }
        return new PortfolioValue(
                account,
                conId,
                symbol,
                secType,
                expiry,
                right,
                multiplier,
                currency,
                localSymbol,
                tradingClass,
                position,
                marketPrice,
                averageCost,
                realizedPnl);
    }

    static IncomingMessage accountDownloadEnd(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new AccountDownloadEnd(in.string("accountName"));
    }
}
