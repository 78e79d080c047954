package org.tickerdesk.ibkr.wire;

import java.math.BigDecimal;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.orders.CommissionReport;
import org.tickerdesk.ibkr.wire.messages.orders.Execution;
import org.tickerdesk.ibkr.wire.messages.orders.ExecutionEnd;
import org.tickerdesk.ibkr.wire.messages.orders.OpenOrderEnd;
import org.tickerdesk.ibkr.wire.messages.orders.OrderStatus;

/**
 * orderStatus, openOrderEnd, execDetails, execDetailsEnd and commissionReport. orderStatus (from
 * 131) and execDetails (from 136) carry no version field on every version we negotiate.
 */
final class OrderEventDecoder {

    private OrderEventDecoder() {}

    static IncomingMessage orderStatus(FieldReader in) throws MalformedMessageException {
        int orderId = in.integer("orderId");
        String status = in.string("status");
        BigDecimal filled = in.size("filled");
        BigDecimal remaining = in.size("remaining");
        BigDecimal avgFillPrice = zeroAsNone(in.optionalDecimal("avgFillPrice"));
        long permId = in.longValue("permId");
        int parentId = in.integer("parentId");
        BigDecimal lastFillPrice = zeroAsNone(in.optionalDecimal("lastFillPrice"));
        int clientId = in.integer("clientId");
        String whyHeld = in.string("whyHeld");
        BigDecimal marketCapPrice = in.optionalDecimal("mktCapPrice");
        return new OrderStatus(
                orderId,
                status,
                filled,
                remaining,
                avgFillPrice,
                permId,
                parentId,
                lastFillPrice,
                clientId,
                whyHeld,
                marketCapPrice);
    }

    static IncomingMessage openOrderEnd(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new OpenOrderEnd();
    }

    static IncomingMessage execDetails(int v, FieldReader in) throws MalformedMessageException {
        int reqId = in.integer("reqId");
        int orderId = in.integer("orderId");
        int conId = in.integer("conId");
        String symbol = in.string("symbol");
        String secType = in.string("secType");
        in.skip(4, "lastTradeDateOrContractMonth, strike, right, multiplier");
        in.string("exchange");
        String currency = in.string("currency");
        in.skip(2, "localSymbol, tradingClass");
        String execId = in.string("execId");
        String time = in.string("time");
        String account = in.string("acctNumber");
        String exchange = in.string("exchange");
        String side = in.string("side");
        BigDecimal shares = in.size("shares");
        BigDecimal price = in.decimal("price");
        long permId = in.longValue("permId");
        int clientId = in.integer("clientId");
        in.integer("liquidation");
        BigDecimal cumQty = in.optionalSize("cumQty");
        BigDecimal avgPrice = in.optionalDecimal("avgPrice");
        String orderRef = in.string("orderRef");
        in.skip(3, "evRule, evMultiplier, modelCode");
        in.integer("lastLiquidity");
        if (v >= ServerVersions.PENDING_PRICE_REVISION) {
            in.bool("pendingPriceRevision");
        }
        if (v >= ServerVersions.SUBMITTER) {
            in.string("submitter");
        }
        return new Execution(
                reqId, orderId, conId, symbol, secType, currency, execId, time, account, exchange,
                side, shares, price, permId, clientId, cumQty, avgPrice, orderRef);
    }

    static IncomingMessage execDetailsEnd(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        return new ExecutionEnd(in.integer("reqId"));
    }

    static IncomingMessage commissionReport(FieldReader in) throws MalformedMessageException {
        in.integer("version");
        String execId = in.string("execId");
        BigDecimal commission = in.optionalDecimal("commission");
        String currency = in.string("currency");
        BigDecimal realizedPnl = in.optionalDecimal("realizedPNL");
        in.optionalDecimal("yield");
        in.integer("yieldRedemptionDate");
        return new CommissionReport(execId, commission, currency, realizedPnl);
    }

    /** IB reports "no fill yet" as a price of 0. */
    private static BigDecimal zeroAsNone(BigDecimal value) {
        return value == null || value.signum() == 0 ? null : value;
    }
}
