package org.tickerdesk.ibkr.orders;

import static org.tickerdesk.ibkr.wire.FieldWriter.UNSET_DOUBLE;
import static org.tickerdesk.ibkr.wire.FieldWriter.UNSET_INT;

import org.tickerdesk.ibkr.wire.ContractFields;
import org.tickerdesk.ibkr.wire.FieldWriter;
import org.tickerdesk.ibkr.wire.OutgoingIds;
import org.tickerdesk.ibkr.wire.OutgoingMessage;
import org.tickerdesk.ibkr.wire.ServerVersions;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.SecurityType;

/**
 * placeOrder, cancelOrder, reqOpenOrders and reqExecutions. placeOrder sends IB's full field list
 * for the negotiated version, every attribute Tickerdesk does not use at IB's default, so TWS reads
 * each field where it expects it.
 */
public final class OrderRequests {

    /**
     * IB's ocaType 1, "cancel all remaining orders with block": when one order of the group fills,
     * TWS cancels the others before anything more of them can fill, so a protective stop and a
     * take-profit never both execute.
     */
    static final int CANCEL_OTHERS_WITH_BLOCK = 1;

    private OrderRequests() {}

    public static OutgoingMessage placeOrder(
            int v, int orderId, IbContract contract, OrderRequest order) {
        if (contract.secType() == SecurityType.BAG) {
            throw new IllegalArgumentException("Combo (BAG) orders are not supported");
        }
        FieldWriter out = new FieldWriter(OutgoingIds.PLACE_ORDER).add(orderId);
        ContractFields.write(out, contract);
        out.add("").add(""); // secIdType, secId
        out.add(order.action().name())
                .add(order.quantity().toPlainString())
                .add(order.type().wire())
                .addOptional(order.limitPrice())
                .addOptional(order.stopPrice());
        out.add(order.timeInForce().name())
                .add(order.ocaGroup())
                .add(order.account())
                .add("") // openClose
                .add(0) // origin: customer
                .add(order.orderRef())
                .add(true) // transmit
                .add(0); // parentId
        out.add(false)
                .add(false)
                .add(0)
                .add(0) // blockOrder, sweepToFill, displaySize, triggerMethod
                .add(order.outsideRth())
                .add(false); // hidden
        out.add("") // deprecated sharesAllocation
                .add(0) // discretionaryAmt
                .add("")
                .add(""); // goodAfterTime, goodTillDate
        out.addAll("", "", ""); // faGroup, faMethod, faPercentage
        if (v < ServerVersions.FA_PROFILE_DESUPPORT) {
            out.add(""); // faProfile
        }
        out.add("") // modelCode
                .add(0)
                .add("")
                .add(-1) // shortSaleSlot, designatedLocation, exemptCode
                .add(order.inOcaGroup() ? CANCEL_OTHERS_WITH_BLOCK : 0)
                .add("")
                .add("") // ocaType, rule80A, settlingFirm
                .add(false)
                .add("")
                .add("") // allOrNone, minQty, percentOffset
                .add(false)
                .add(false)
                .add("") // eTradeOnly, firmQuoteOnly, nbboPriceCap
                .add(0)
                .addAll("", "", "", "", "") // auctionStrategy, starting/ref price, delta, range
                .add(false); // overridePercentageConstraints
        out.addAll("", "", "", "") // volatility, volatilityType, deltaNeutral type/aux
                .add(false)
                .add(""); // continuousUpdate, referencePriceType
        out.addAll("", "") // trailStopPrice, trailingPercent
                .addAll("", "", "") // scale init/subs level size, price increment
                .addAll("", "", "") // scaleTable, activeStartTime, activeStopTime
                .add("") // hedgeType
                .add(false) // optOutSmartRouting
                .addAll("", "") // clearingAccount, clearingIntent
                .add(false) // notHeld
                .add(false) // no delta-neutral contract
                .add("") // algoStrategy
                .add("") // algoId
                .add(false) // whatIf
                .add("") // orderMiscOptions
                .add(false) // solicited
                .add(false)
                .add(false) // randomizeSize, randomizePrice
                .add(0) // no conditions
                .add("") // adjustedOrderType
                .addAll(UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE, UNSET_DOUBLE)
                .add(0) // adjustableTrailingUnit
                .add("") // extOperator
                .addAll("", "") // softDollarTier name, value
                .add("") // cashQty
                .addAll("", "", "", "") // MiFID II decision maker/algo, execution trader/algo
                .add(false)
                .add(false)
                .add(false) // dontUseAutoPriceForHedge, isOmsContainer, discretionaryUpToLimitPrice
                .add(""); // usePriceMgmtAlgo: let TWS decide
        appendVersionedTail(out, v, contract);
        return out.build();
    }

    private static void appendVersionedTail(FieldWriter out, int v, IbContract contract) {
        if (v >= ServerVersions.DURATION) {
            out.add(UNSET_INT);
        }
        if (v >= ServerVersions.POST_TO_ATS) {
            out.add(UNSET_INT);
        }
        if (v >= ServerVersions.AUTO_CANCEL_PARENT) {
            out.add(false);
        }
        if (v >= ServerVersions.ADVANCED_ORDER_REJECT) {
            out.add(""); // advancedErrorOverride
        }
        if (v >= ServerVersions.MANUAL_ORDER_TIME) {
            out.add(""); // manualOrderTime
        }
        if (v >= ServerVersions.PEGBEST_PEGMID_OFFSETS && contract.exchange().equals("IBKRATS")) {
            out.add(""); // minTradeQty
        }
        if (v >= ServerVersions.CUSTOMER_ACCOUNT) {
            out.add("");
        }
        if (v >= ServerVersions.PROFESSIONAL_CUSTOMER) {
            out.add(false);
        }
        if (v >= ServerVersions.RFQ_FIELDS && v < ServerVersions.UNDO_RFQ_FIELDS) {
            out.add("").add(UNSET_INT);
        }
        if (v >= ServerVersions.INCLUDE_OVERNIGHT) {
            out.add(false);
        }
        if (v >= ServerVersions.CME_TAGGING_FIELDS) {
            out.add(UNSET_INT); // manualOrderIndicator
        }
        if (v >= ServerVersions.IMBALANCE_ONLY) {
            out.add(false);
        }
    }

    public static OutgoingMessage cancelOrder(int v, int orderId) {
        FieldWriter out = new FieldWriter(OutgoingIds.CANCEL_ORDER);
        if (v < ServerVersions.CME_TAGGING_FIELDS) {
            out.add(1);
        }
        out.add(orderId);
        if (v >= ServerVersions.MANUAL_ORDER_TIME) {
            out.add(""); // manualOrderCancelTime
        }
        if (v >= ServerVersions.RFQ_FIELDS && v < ServerVersions.UNDO_RFQ_FIELDS) {
            out.add("").add("").add(UNSET_INT);
        }
        if (v >= ServerVersions.CME_TAGGING_FIELDS) {
            out.add("").add(UNSET_INT); // extOperator, manualOrderIndicator
        }
        return out.build();
    }

    public static OutgoingMessage reqOpenOrders(int v) {
        return new FieldWriter(OutgoingIds.REQ_OPEN_ORDERS).add(1).build();
    }

    /**
     * The executions of the current day, whatever client placed them (an empty filter); from 200
     * the filter also has a number of days and a list of dates, both left unset.
     */
    public static OutgoingMessage reqExecutions(int v, int reqId) {
        return reqExecutions(v, reqId, "");
    }

    /** The executions of the current day in one account (an empty code: every account). */
    public static OutgoingMessage reqExecutions(int v, int reqId, String account) {
        FieldWriter out =
                new FieldWriter(OutgoingIds.REQ_EXECUTIONS)
                        .add(3)
                        .add(reqId)
                        .add(0) // clientId: any
                        .addAll(
                                account, "", "", "", "",
                                ""); // account, time, symbol, secType, exchange, side
        if (v >= ServerVersions.PARAMETRIZED_DAYS_OF_EXECUTIONS) {
            out.add(UNSET_INT).add(0); // lastNDays, no specific dates
        }
        return out.build();
    }
}
