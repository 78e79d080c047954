package org.tickerdesk.ibkr.wire;

import java.math.BigDecimal;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.account.Position;
import org.tickerdesk.ibkr.wire.messages.account.PositionEnd;

/**
 * position and positionEnd. Unlike most messages, position's layout follows its own version field,
 * as IB's decoder reads it: the trading class from version 2, the average cost from 3 (TWS sends 3
 * on every server version we negotiate). The quantity is a decimal on all of them (since 101).
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
}
