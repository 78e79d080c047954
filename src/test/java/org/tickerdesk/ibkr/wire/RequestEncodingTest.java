package org.tickerdesk.ibkr.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.account.AccountRequests;
import org.tickerdesk.ibkr.contracts.ContractRequests;
import org.tickerdesk.ibkr.history.HistoricalDataRequest;
import org.tickerdesk.ibkr.history.HistoryRequests;
import org.tickerdesk.ibkr.history.Lookback;
import org.tickerdesk.ibkr.marketdata.MarketDataRequests;
import org.tickerdesk.ibkr.orders.OrderRequest;
import org.tickerdesk.ibkr.orders.OrderRequests;
import org.tickerdesk.ibkr.session.SessionRequests;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;

/**
 * Each request field for field, as IB's clients send it, at the oldest, a middle and the newest
 * version.
 */
class RequestEncodingTest {

    private static final IbContract AAPL = IbContract.stock("AAPL", "SMART", "USD");

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void sessionRequests(int v) {
        assertEquals(List.of("71", "2", "7", ""), SessionRequests.startApi(v, 7, "").fields());
        assertEquals(List.of("8", "1", "1"), SessionRequests.reqIds(v, 1).fields());
        assertEquals(
                List.of("59", "1", "3"),
                SessionRequests.reqMarketDataType(v, MarketDataKind.DELAYED).fields());
        assertEquals(List.of("12", "1", "1"), SessionRequests.reqNewsBulletins(v, true).fields());
        assertEquals(List.of("13", "1"), SessionRequests.cancelNewsBulletins(v).fields());
        assertEquals(List.of("49", "1"), SessionRequests.reqCurrentTime(v).fields());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void positionsAreAskedForWithVersion1(int v) {
        assertEquals(List.of("61", "1"), AccountRequests.reqPositions(v).fields());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void marketDataForAStock(int v) {
        assertEquals(
                List.of(
                        "1", "11", "5", "0", "AAPL", "STK", "", "0.0", "", "", "SMART", "", "USD",
                        "", "", "0", "233", "0", "0", ""),
                MarketDataRequests.reqMktData(v, 5, AAPL, "233", false).fields());
        assertEquals(List.of("2", "1", "5"), MarketDataRequests.cancelMktData(v, 5).fields());
    }

    @Test
    void marketDataForFutureOptionEventContractAndConId() {
        IbContract future = IbContract.future("ES", "202512", "CME", "USD", "50");
        assertEquals(
                List.of(
                        "1", "11", "6", "0", "ES", "FUT", "202512", "0.0", "", "50", "CME", "",
                        "USD", "", "", "0", "", "0", "0", ""),
                MarketDataRequests.reqMktData(178, 6, future, "", false).fields());
        IbContract option =
                IbContract.option(
                        "AAPL", "20251219", new BigDecimal("190"), "C", "SMART", "USD", "100");
        assertEquals(
                List.of(
                        "1",
                        "11",
                        "7",
                        "0",
                        "AAPL",
                        "OPT",
                        "20251219",
                        "190",
                        "C",
                        "100",
                        "SMART",
                        "",
                        "USD",
                        "",
                        "",
                        "0",
                        "",
                        "0",
                        "0",
                        ""),
                MarketDataRequests.reqMktData(178, 7, option, "", false).fields());
        IbContract event =
                IbContract.eventContract(
                        "FF", "20251210", new BigDecimal("3.875"), "C", "FORECASTX", "USD");
        assertEquals(
                List.of(
                        "1",
                        "11",
                        "8",
                        "0",
                        "FF",
                        "OPT",
                        "20251210",
                        "3.875",
                        "C",
                        "",
                        "FORECASTX",
                        "",
                        "USD",
                        "",
                        "",
                        "0",
                        "",
                        "0",
                        "0",
                        ""),
                MarketDataRequests.reqMktData(178, 8, event, "", false).fields());
        assertEquals(
                List.of(
                        "1", "11", "9", "265598", "", "", "", "0.0", "", "", "SMART", "", "", "",
                        "", "0", "", "1", "0", ""),
                MarketDataRequests.reqMktData(200, 9, IbContract.byConId(265598, "SMART"), "", true)
                        .fields());
    }

    @Test
    void contractDetailsAddsIssuerIdFrom176() {
        List<String> common =
                List.of(
                        "9", "8", "3", "0", "AAPL", "STK", "", "0.0", "", "", "SMART", "", "USD",
                        "", "", "0", "", "");
        assertEquals(common, ContractRequests.reqContractDetails(157, 3, AAPL).fields());
        List<String> withIssuer = new ArrayList<>(common);
        withIssuer.add("");
        assertEquals(withIssuer, ContractRequests.reqContractDetails(176, 3, AAPL).fields());
        assertEquals(withIssuer, ContractRequests.reqContractDetails(200, 3, AAPL).fields());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void historicalDataHasNoVersionField(int v) {
        HistoricalDataRequest request =
                new HistoricalDataRequest(
                        AAPL,
                        "20251120 16:00:00 US/Eastern",
                        Lookback.parse("2 D"),
                        BarSize.MIN_5,
                        WhatToShow.BID_ASK,
                        true,
                        2);
        assertEquals(
                List.of(
                        "20",
                        "11",
                        "0",
                        "AAPL",
                        "STK",
                        "",
                        "0.0",
                        "",
                        "",
                        "SMART",
                        "",
                        "USD",
                        "",
                        "",
                        "0",
                        "20251120 16:00:00 US/Eastern",
                        "5 mins",
                        "2 D",
                        "1",
                        "BID_ASK",
                        "2",
                        "0",
                        ""),
                HistoryRequests.reqHistoricalData(v, 11, request).fields());
        assertEquals(
                List.of("25", "1", "11"), HistoryRequests.cancelHistoricalData(v, 11).fields());
    }

    @Test
    void placeOrderFieldCountFollowsTheVersion() {
        OrderRequest order =
                OrderRequest.limit(
                        OrderRequest.Action.BUY,
                        new BigDecimal("100"),
                        new BigDecimal("189.50"),
                        OrderRequest.TimeInForce.GTC,
                        "td-42");
        // 110 fields up to usePriceMgmtAlgo at 157 (counted from IB's client); faProfile goes at
        // 177,
        // then duration, postToAts, autoCancelParent, advancedErrorOverride, manualOrderTime
        // (158-169),
        // customerAccount, professionalCustomer (183-184), RFQ pair (187-189 only),
        // includeOvernight (189),
        // manualOrderIndicator (192), imbalanceOnly (199).
        assertEquals(110, OrderRequests.placeOrder(157, 101, AAPL, order).fields().size());
        assertEquals(114, OrderRequests.placeOrder(178, 101, AAPL, order).fields().size());
        assertEquals(118, OrderRequests.placeOrder(188, 101, AAPL, order).fields().size());
        assertEquals(119, OrderRequests.placeOrder(200, 101, AAPL, order).fields().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void placeOrderCarriesTheOrderWhereTwsReadsIt(int v) {
        OrderRequest order =
                new OrderRequest(
                        OrderRequest.Action.SELL,
                        new BigDecimal("10"),
                        OrderRequest.Type.STOP_LIMIT,
                        new BigDecimal("180.05"),
                        new BigDecimal("180.10"),
                        OrderRequest.TimeInForce.DAY,
                        "td-7",
                        "DU123456",
                        true);
        List<String> f = OrderRequests.placeOrder(v, 102, AAPL, order).fields();
        assertEquals(
                List.of(
                        "3",
                        "102",
                        "0",
                        "AAPL",
                        "STK",
                        "",
                        "0.0",
                        "",
                        "",
                        "SMART",
                        "",
                        "USD",
                        "",
                        "",
                        "",
                        "",
                        "SELL",
                        "10",
                        "STP LMT",
                        "180.05",
                        "180.10",
                        "DAY",
                        "",
                        "DU123456",
                        "",
                        "0",
                        "td-7",
                        "1",
                        "0",
                        "0",
                        "0",
                        "0",
                        "0",
                        "1",
                        "0"),
                f.subList(0, 35));
    }

    /**
     * A protective stop: STP with the stop as auxPrice and no limit, good till cancelled, in an OCA
     * group right after tif, and ocaType 1 right after exemptCode (-1), which is field 46 from 177
     * and 47 before, while faProfile still precedes modelCode.
     */
    @ParameterizedTest
    @ValueSource(ints = {157, 176, 177, 178, 200})
    void aGtcStopInAnOcaGroupCancelsTheOthersWithBlock(int v) {
        OrderRequest stop =
                new OrderRequest(
                        OrderRequest.Action.SELL,
                        new BigDecimal("100"),
                        OrderRequest.Type.STOP,
                        null,
                        new BigDecimal("180.10"),
                        OrderRequest.TimeInForce.GTC,
                        "td-9",
                        "",
                        false,
                        "td-9-exit");
        List<String> f = OrderRequests.placeOrder(v, 103, AAPL, stop).fields();
        assertEquals(
                List.of("SELL", "100", "STP", "", "180.10", "GTC", "td-9-exit", ""),
                f.subList(16, 24),
                "action .. tif, ocaGroup, account");
        assertEquals("td-9", f.get(26), "orderRef");
        int ocaType = v < 177 ? 47 : 46;
        assertEquals(
                List.of("0", "", "-1", "1", ""),
                f.subList(ocaType - 3, ocaType + 2),
                "shortSaleSlot, designatedLocation, exemptCode, ocaType, rule80A");

        OrderRequest alone =
                new OrderRequest(
                        OrderRequest.Action.SELL,
                        new BigDecimal("100"),
                        OrderRequest.Type.STOP,
                        null,
                        new BigDecimal("180.10"),
                        OrderRequest.TimeInForce.GTC,
                        "td-9",
                        "",
                        false);
        List<String> g = OrderRequests.placeOrder(v, 103, AAPL, alone).fields();
        assertEquals("", g.get(22), "no ocaGroup");
        assertEquals("0", g.get(ocaType), "no ocaType");
        List<String> onlyOca = new ArrayList<>(f);
        onlyOca.set(22, "");
        onlyOca.set(ocaType, "0");
        assertEquals(g, onlyOca, "the group changes those two fields and nothing else");
    }

    @Test
    void placeOrderTailPerVersion() {
        OrderRequest order = OrderRequest.market(OrderRequest.Action.BUY, BigDecimal.ONE, "td-1");
        List<String> f157 = OrderRequests.placeOrder(157, 1, AAPL, order).fields();
        assertEquals(
                List.of("", "", "", "", "", "0", "0", "0", ""),
                f157.subList(f157.size() - 9, f157.size()));
        assertEquals("0", f157.get(36));
        List<String> f200 = OrderRequests.placeOrder(200, 1, AAPL, order).fields();
        assertEquals(
                List.of(
                        "",
                        "2147483647",
                        "2147483647",
                        "0",
                        "",
                        "",
                        "",
                        "0",
                        "0",
                        "2147483647",
                        "0"),
                f200.subList(f200.size() - 11, f200.size()));
        List<String> f188 = OrderRequests.placeOrder(188, 1, AAPL, order).fields();
        assertEquals(
                List.of("", "0", "", "2147483647"), f188.subList(f188.size() - 4, f188.size()));
    }

    @Test
    void placeOrderSendsMinTradeQtyToIbkratsFrom170() {
        OrderRequest order = OrderRequest.market(OrderRequest.Action.BUY, BigDecimal.ONE, "td-1");
        IbContract ats = IbContract.stock("AAPL", "IBKRATS", "USD");
        assertEquals(
                OrderRequests.placeOrder(169, 1, AAPL, order).fields().size(),
                OrderRequests.placeOrder(169, 1, ats, order).fields().size());
        for (int v : new int[] {170, 200}) {
            List<String> smart = OrderRequests.placeOrder(v, 1, AAPL, order).fields();
            List<String> f = OrderRequests.placeOrder(v, 1, ats, order).fields();
            // right after manualOrderTime, which is the 115th field, or the 114th once faProfile is
            // gone (177)
            int minTradeQty = v < 177 ? 115 : 114;
            List<String> without = new ArrayList<>(f);
            assertEquals("", without.remove(minTradeQty));
            assertEquals("IBKRATS", without.set(9, "SMART"));
            assertEquals(smart, without);
        }
    }

    @Test
    void cancelOrderPerVersion() {
        assertEquals(List.of("4", "1", "9"), OrderRequests.cancelOrder(157, 9).fields());
        assertEquals(List.of("4", "1", "9", ""), OrderRequests.cancelOrder(178, 9).fields());
        assertEquals(
                List.of("4", "1", "9", "", "", "", "2147483647"),
                OrderRequests.cancelOrder(188, 9).fields());
        assertEquals(
                List.of("4", "9", "", "", "2147483647"),
                OrderRequests.cancelOrder(200, 9).fields());
        assertEquals(List.of("5", "1"), OrderRequests.reqOpenOrders(200).fields());
    }

    @Test
    void executionsOfTheDayForAnyClientWithTheDayFieldsFrom200() {
        assertEquals(
                List.of("7", "3", "9", "0", "", "", "", "", "", ""),
                OrderRequests.reqExecutions(157, 9).fields());
        assertEquals(
                List.of("7", "3", "9", "0", "", "", "", "", "", ""),
                OrderRequests.reqExecutions(199, 9).fields());
        assertEquals(
                List.of("7", "3", "9", "0", "", "", "", "", "", "", "2147483647", "0"),
                OrderRequests.reqExecutions(200, 9).fields());
    }

    @Test
    void ordersCheckTheirInvariants() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new OrderRequest(
                                OrderRequest.Action.BUY,
                                BigDecimal.ONE,
                                OrderRequest.Type.LIMIT,
                                null,
                                null,
                                OrderRequest.TimeInForce.DAY,
                                "r",
                                "",
                                false));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new OrderRequest(
                                OrderRequest.Action.BUY,
                                BigDecimal.ONE,
                                OrderRequest.Type.STOP,
                                null,
                                null,
                                OrderRequest.TimeInForce.DAY,
                                "r",
                                "",
                                false));
        assertThrows(
                IllegalArgumentException.class,
                () -> OrderRequest.market(OrderRequest.Action.BUY, BigDecimal.ZERO, "r"));
        assertThrows(
                IllegalArgumentException.class,
                () -> OrderRequest.market(OrderRequest.Action.BUY, BigDecimal.ONE, "has space"));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new OrderRequest(
                                OrderRequest.Action.BUY,
                                BigDecimal.ONE,
                                OrderRequest.Type.MARKET,
                                null,
                                null,
                                OrderRequest.TimeInForce.DAY,
                                "r",
                                "",
                                false,
                                "two words"));
        assertThrows(IllegalArgumentException.class, () -> IbContract.stock("", "SMART", "USD"));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        IbContract.option(
                                "AAPL", "2025-12", BigDecimal.ONE, "C", "SMART", "USD", "100"));
    }
}
