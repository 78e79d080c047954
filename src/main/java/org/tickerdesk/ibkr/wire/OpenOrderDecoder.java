package org.tickerdesk.ibkr.wire;

import java.math.BigDecimal;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.orders.OpenOrder;

/**
 * openOrder: IB's longest message. Every field is read in IB's order for the negotiated version
 * (from 145 the server version stands in for the message version), so that what follows the fields
 * Tickerdesk keeps is consumed exactly and a misaligned message is detected, not misread.
 */
final class OpenOrderDecoder {

    private OpenOrderDecoder() {}

    static IncomingMessage openOrder(int v, FieldReader in) throws MalformedMessageException {
        int orderId = in.integer("orderId");
        int conId = in.integer("conId");
        String symbol = in.string("symbol");
        String secType = in.string("secType");
        in.skip(4, "lastTradeDateOrContractMonth, strike, right, multiplier");
        String exchange = in.string("exchange");
        String currency = in.string("currency");
        in.skip(2, "localSymbol, tradingClass");
        String action = in.string("action");
        BigDecimal quantity = in.size("totalQuantity");
        String orderType = in.string("orderType");
        BigDecimal limitPrice = in.optionalDecimal("lmtPrice");
        BigDecimal auxPrice = in.optionalDecimal("auxPrice");
        String tif = in.string("tif");
        in.string("ocaGroup");
        String account = in.string("account");
        in.skip(2, "openClose, origin");
        String orderRef = in.string("orderRef");
        int clientId = in.integer("clientId");
        long permId = in.longValue("permId");
        in.skip(5, "outsideRth, hidden, discretionaryAmt, goodAfterTime, sharesAllocation");
        in.skip(v < ServerVersions.FA_PROFILE_DESUPPORT ? 4 : 3, "FA parameters");
        in.skip(1 + 4 + 3, "modelCode, goodTillDate .. settlingFirm, short sale parameters");
        in.skip(1 + 3 + 2 + 1, "auctionStrategy, box, peg-to-stock, displaySize");
        in.skip(8 + 2, "blockOrder .. nbboPriceCap, parentId, triggerMethod");
        skipVolatilityParameters(in);
        in.skip(2 + 2, "trail parameters, basis points");
        skipComboLegs(in);
        skipPairs(in, "smartComboRoutingParams");
        skipScaleParameters(in);
        if (!in.string("hedgeType").isEmpty()) {
            in.string("hedgeParam");
        }
        in.skip(1 + 2 + 1, "optOutSmartRouting, clearing, notHeld");
        if (in.bool("deltaNeutralContract")) {
            in.skip(3, "deltaNeutral conId, delta, price");
        }
        if (!in.string("algoStrategy").isEmpty()) {
            skipPairs(in, "algoParams");
        }
        in.bool("solicited");
        String status = OrderStateFields.readWhatIfAndStatus(v, in);
        in.skip(2, "randomizeSize, randomizePrice");
        if (orderType.equals("PEG BENCH") || orderType.equals("PEGBENCH")) {
            in.skip(5, "pegged-to-benchmark parameters");
        }
        OrderStateFields.skipConditions(in);
        in.skip(8, "adjusted order parameters");
        in.skip(
                3 + 1 + 4,
                "soft dollar tier, cashQty, hedge/container/discretion/price-management flags");
        skipVersionedTail(v, in);
        return new OpenOrder(
                orderId,
                conId,
                symbol,
                secType,
                exchange,
                currency,
                action,
                quantity,
                orderType,
                limitPrice,
                auxPrice,
                tif,
                account,
                orderRef,
                clientId,
                permId,
                status);
    }

    private static void skipVolatilityParameters(FieldReader in) throws MalformedMessageException {
        in.skip(2, "volatility, volatilityType");
        boolean deltaNeutral = !in.string("deltaNeutralOrderType").isEmpty();
        in.string("deltaNeutralAuxPrice");
        if (deltaNeutral) {
            in.skip(4 + 4, "delta-neutral conId, clearing, open/close and short-sale fields");
        }
        in.skip(2, "continuousUpdate, referencePriceType");
    }

    private static void skipComboLegs(FieldReader in) throws MalformedMessageException {
        in.string("comboLegsDescrip");
        in.skip(8 * count(in, 8, "comboLegs"), "comboLegs");
        in.skip(count(in, 1, "orderComboLegs"), "orderComboLegs");
    }

    private static void skipScaleParameters(FieldReader in) throws MalformedMessageException {
        in.skip(2, "scaleInitLevelSize, scaleSubsLevelSize");
        BigDecimal increment = in.optionalDecimal("scalePriceIncrement");
        if (increment != null && increment.signum() > 0) {
            in.skip(7, "scale price adjustment parameters");
        }
    }

    private static void skipVersionedTail(int v, FieldReader in) throws MalformedMessageException {
        int fields = 0;
        fields += v >= ServerVersions.DURATION ? 1 : 0;
        fields += v >= ServerVersions.POST_TO_ATS ? 1 : 0;
        fields += v >= ServerVersions.AUTO_CANCEL_PARENT ? 1 : 0;
        fields += v >= ServerVersions.PEGBEST_PEGMID_OFFSETS ? 5 : 0;
        fields += v >= ServerVersions.CUSTOMER_ACCOUNT ? 1 : 0;
        fields += v >= ServerVersions.PROFESSIONAL_CUSTOMER ? 1 : 0;
        fields += v >= ServerVersions.BOND_ACCRUED_INTEREST ? 1 : 0;
        fields += v >= ServerVersions.INCLUDE_OVERNIGHT ? 1 : 0;
        fields += v >= ServerVersions.CME_TAGGING_FIELDS_IN_OPEN_ORDER ? 2 : 0;
        fields += v >= ServerVersions.SUBMITTER ? 1 : 0;
        fields += v >= ServerVersions.IMBALANCE_ONLY ? 1 : 0;
        in.skip(fields, "versioned order attributes");
    }

    static int count(FieldReader in, int fieldsEach, String name) throws MalformedMessageException {
        int count = in.integer(name + " count");
        if (count < 0 || (long) count * fieldsEach > in.remaining()) {
            throw new MalformedMessageException(
                    "openOrder " + name + " count " + count + " exceeds the message");
        }
        return count;
    }

    private static void skipPairs(FieldReader in, String name) throws MalformedMessageException {
        in.skip(2 * count(in, 2, name), name);
    }
}
