package org.tickerdesk.ibkr.faketws;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * How the fake TWS answers each request: the data a real TWS would send for AAPL (for market data,
 * for any symbol but the special ones: NOPERM 354, DENIED 10168, NOSUCH 200, DELAYED 10167 and
 * delayed ticks, QUIET only its market-data type), error 200 for the contract details of any symbol
 * but AAPL and for the history of NOSUCH, 162 "no data" for the history of EMPTY, 162 "no market
 * data permissions" for the history of NOPERM, 504 "not connected" for the history of OFFLINE, 162
 * when a pacing violation is due, silence when told, and an immediate fill for every order but
 * those for RESTING (accepted and left open) and REJECTED (error 201, then Inactive). Open orders
 * and executions live in the server, so reqOpenOrders and reqExecutions report them in any later
 * connection, as TWS does, and so do the positions reqPositions reports and the portfolio
 * reqAccountUpdates reports. History is three bars, timed as TWS times them: dates for bars of a
 * day or longer, otherwise epoch seconds for formatDate 2 and US/Eastern wall-clock times for
 * formatDate 1; CORRUPT's second bar opens above its high, and GARBLED's has its high below its
 * low. Contract details answer AAPL by symbol or by its conId 265598, and SAP with two listings
 * (USD on NYSE, EUR on IBIS). A test may script the contract details and the history of any
 * contract itself ({@code FakeTwsServer.scriptedContractDetails}, {@code scriptedHistory}); its
 * answers come first.
 */
public final class FakeTwsScript {

    public static final int NEXT_ORDER_ID = 101;
    public static final String ACCOUNTS = "DU123456,DU654321,";

    private final FakeTwsServer server;
    private final ServerMessages msg;
    private final int v;
    public volatile boolean pacingViolationNext;
    public volatile boolean silenceOnNextHistory;

    FakeTwsScript(FakeTwsServer server, ServerMessages msg, int version) {
        this.server = server;
        this.msg = msg;
        this.v = version;
    }

    public void answer(List<String> r) throws IOException {
        switch (Integer.parseInt(r.get(0))) {
            case 71 -> startApi(Integer.parseInt(r.get(2)));
            case 1 -> marketData(Integer.parseInt(r.get(2)), r.get(4));
            case 9 -> {
                int reqId = Integer.parseInt(r.get(2));
                if (!scripted(
                        server.scriptedContractDetails,
                        reqId,
                        r.get(3),
                        r.get(4) + " " + r.get(5))) {
                    contractDetails(reqId, Integer.parseInt(r.get(3)), r.get(4));
                }
            }
            case 20 -> {
                int reqId = Integer.parseInt(r.get(1));
                if (!scripted(server.scriptedHistory, reqId, r.get(2), r.get(3))) {
                    history(reqId, r.get(3), r.get(16), r.get(20));
                }
            }
            case 3 -> order(r);
            case 6 -> portfolio(r);
            case 4 -> cancel(Integer.parseInt(r.get(v < 192 ? 2 : 1)));
            case 5 -> openOrders();
            case 7 -> executions(Integer.parseInt(r.get(2)));
            case 8 -> server.send(msg.nextValidId(nextOrderId()));
            case 12 ->
                    server.send(msg.newsBulletin(1, 1, "Exchange halted trading in XYZ", "NYSE"));
            case 49 -> server.send(msg.currentTime(1763750000L));
            case 61 -> positions();
            default -> {
                // requests without an answer: cancellations, market data type
            }
        }
    }

    /**
     * Answers from the test's script when it has an answer for the contract, named by {@code key}
     * or, when the request names it by conId alone, by that conId.
     */
    private boolean scripted(
            Map<String, IntFunction<List<List<String>>>> script,
            int reqId,
            String conId,
            String key)
            throws IOException {
        IntFunction<List<List<String>>> answer =
                key.isBlank() ? script.get(conId) : script.get(key);
        if (answer == null) {
            return false;
        }
        for (List<String> message : answer.apply(reqId)) {
            server.send(message);
        }
        return true;
    }

    private void startApi(int clientId) throws IOException {
        if (server.clientIdsInUse.contains(clientId)) {
            server.send(
                    msg.error(
                            -1,
                            326,
                            "Unable to connect as the client id is already in use. Retry with a"
                                    + " unique client id."));
            server.dropConnection();
            return;
        }
        server.send(msg.managedAccounts(ACCOUNTS));
        server.send(msg.nextValidId(nextOrderId()));
        server.send(msg.error(-1, 2104, "Market data farm connection is OK:usfarm"));
    }

    private void marketData(int reqId, String symbol) throws IOException {
        switch (symbol) {
            case "NOPERM" ->
                    server.send(msg.error(reqId, 354, "Requested market data is not subscribed."));
            case "DENIED" ->
                    server.send(
                            msg.error(
                                    reqId,
                                    10168,
                                    "Requested market data is not subscribed."
                                            + " Delayed market data is not enabled."));
            case "NOSUCH" ->
                    server.send(
                            msg.error(
                                    reqId,
                                    200,
                                    "No security definition has been found for the request"));
            case "QUIET" -> server.send(msg.marketDataType(reqId, 1));
            case "DELAYED" -> delayedMarketData(reqId);
            default -> liveMarketData(reqId);
        }
    }

    private void delayedMarketData(int reqId) throws IOException {
        server.send(
                msg.error(
                        reqId,
                        10167,
                        "Requested market data is not subscribed. Displaying delayed market"
                                + " data."));
        server.send(msg.marketDataType(reqId, 3));
        server.send(msg.tickPrice(reqId, 66, "41.10", "5", 0));
        server.send(msg.tickPrice(reqId, 67, "41.20", "7", 0));
        server.send(msg.tickPrice(reqId, 68, "41.15", "1", 0));
        server.send(msg.tickSize(reqId, 74, "9000"));
    }

    private void liveMarketData(int reqId) throws IOException {
        server.send(msg.marketDataType(reqId, 1));
        server.send(msg.tickReqParams(reqId, "0.01", "9c0001", 3));
        server.send(msg.tickPrice(reqId, 1, "189.51", "300", 1));
        server.send(msg.tickPrice(reqId, 2, "189.55", "200", 1));
        server.send(msg.tickPrice(reqId, 4, "189.53", "100", 0));
        server.send(msg.tickSize(reqId, 8, "123456"));
        server.send(msg.tickString(reqId, 45, "1763740800"));
        server.send(msg.tickGeneric(reqId, 49, "0"));
    }

    private void contractDetails(int reqId, int conId, String symbol) throws IOException {
        if (symbol.equals("SAP")) {
            server.send(
                    msg.contractData(
                            reqId,
                            "SAP",
                            "STK",
                            "",
                            "SMART",
                            "NYSE",
                            "USD",
                            33260814,
                            "0.01",
                            "SAP SE-SPONSORED ADR"));
            server.send(
                    msg.contractData(
                            reqId, "SAP", "STK", "", "SMART", "IBIS", "EUR", 14204, "0.02",
                            "SAP SE"));
            server.send(msg.contractDataEnd(reqId));
            return;
        }
        if (!symbol.equals("AAPL") && conId != 265598) {
            server.send(
                    msg.error(reqId, 200, "No security definition has been found for the request"));
            return;
        }
        server.send(
                msg.contractData(reqId, "AAPL", "STK", "", "SMART", 265598, "0.01", "APPLE INC"));
        server.send(msg.contractDataEnd(reqId));
    }

    private void history(int reqId, String symbol, String barSize, String formatDate)
            throws IOException {
        if (silenceOnNextHistory) {
            silenceOnNextHistory = false;
            return;
        }
        if (symbol.equals("NOSUCH")) {
            server.send(
                    msg.error(reqId, 200, "No security definition has been found for the request"));
            return;
        }
        if (symbol.equals("EMPTY")) {
            server.send(
                    msg.error(
                            reqId,
                            162,
                            "Historical Market Data Service error message:HMDS query returned no"
                                    + " data: EMPTY@SMART Trades"));
            return;
        }
        if (symbol.equals("NOPERM")) {
            server.send(
                    msg.error(
                            reqId,
                            162,
                            "Historical Market Data Service error message:No market data"
                                    + " permissions for NYSE STK"));
            return;
        }
        if (symbol.equals("OFFLINE")) {
            server.send(msg.error(reqId, 504, "Not connected"));
            return;
        }
        if (pacingViolationNext) {
            pacingViolationNext = false;
            server.send(
                    msg.error(
                            reqId,
                            162,
                            "Historical Market Data Service error message:API historical data query"
                                    + " pacing violation"));
            return;
        }
        String[] times =
                barSize.endsWith("day") || barSize.endsWith("week") || barSize.endsWith("month")
                        ? new String[] {"20251118", "20251119", "20251120"}
                        : formatDate.equals("1")
                                ? new String[] {
                                    "20251120 09:30:00 US/Eastern",
                                    "20251120 09:31:00 US/Eastern",
                                    "20251120 09:32:00 US/Eastern"
                                }
                                : new String[] {"1763649000", "1763649060", "1763649120"};
        String secondOpen = symbol.equals("CORRUPT") ? "189.90" : "189.50";
        String secondLow = symbol.equals("GARBLED") ? "189.90" : "189.40";
        for (List<String> m :
                msg.historicalData(
                        reqId,
                        "20251120 09:30:00 US/Eastern",
                        "20251120 09:33:00 US/Eastern",
                        new String[] {
                            times[0], "189.10", "189.60", "189.00", "189.50", "12000", "189.31",
                            "95"
                        },
                        new String[] {
                            times[1],
                            secondOpen,
                            "189.80",
                            secondLow,
                            "189.70",
                            "8000",
                            "189.62",
                            "71"
                        },
                        new String[] {
                            times[2], "189.70", "189.75", "189.20", "189.25", "-1", "-1", "-1"
                        })) {
            server.send(m);
        }
    }

    /** One execution, as TWS keeps it for reqExecutions. */
    public record Executed(
            int orderId,
            String symbol,
            String execId,
            String side,
            String shares,
            String price,
            String orderRef) {}

    /** TWS never hands out an order id twice, across connections too. */
    private int nextOrderId() {
        return Math.max(NEXT_ORDER_ID, server.highestOrderId + 1);
    }

    private void order(List<String> r) throws IOException {
        int orderId = Integer.parseInt(r.get(1));
        server.highestOrderId = Math.max(server.highestOrderId, orderId);
        String symbol = r.get(3);
        String action = r.get(16);
        String qty = r.get(17);
        String type = r.get(18);
        String orderRef = r.get(26);
        if (symbol.equals("REJECTED")) {
            server.send(
                    msg.error(
                            orderId,
                            201,
                            "Order rejected - reason:The contract is not available for trading."));
            server.send(msg.orderStatus(orderId, "Inactive", "0", qty, "0", "0"));
            return;
        }
        List<String> open =
                OpenOrderMessage.of(
                        v,
                        orderId,
                        symbol,
                        action,
                        qty,
                        type,
                        r.get(19),
                        r.get(20),
                        r.get(21),
                        orderRef,
                        "Submitted",
                        List.of("0"));
        server.send(open);
        server.send(msg.orderStatus(orderId, "Submitted", "0", qty, "0", "0"));
        if (symbol.equals("RESTING")) {
            server.openOrders.put(orderId, open);
            return;
        }
        Executed fill =
                new Executed(
                        orderId,
                        symbol,
                        String.format("0001f4e8.6574a1b2.%02d.01", orderId % 100),
                        action.equals("BUY") ? "BOT" : "SLD",
                        qty,
                        "189.53",
                        orderRef);
        server.executions.add(fill);
        server.send(
                msg.execDetails(
                        -1,
                        orderId,
                        symbol,
                        fill.execId(),
                        fill.side(),
                        qty,
                        fill.price(),
                        orderRef));
        server.send(msg.orderStatus(orderId, "Filled", qty, "0", "189.53", "189.53"));
        server.send(msg.commissionReport(fill.execId(), "1.0", "1.7976931348623157E308"));
    }

    private void cancel(int orderId) throws IOException {
        server.openOrders.remove(orderId);
        server.send(msg.orderStatus(orderId, "Cancelled", "0", "100", "0", "0"));
    }

    private void openOrders() throws IOException {
        for (List<String> open : server.openOrders.values()) {
            server.send(open);
        }
        server.send(msg.openOrderEnd());
    }

    private void positions() throws IOException {
        for (List<String> position : server.positions) {
            server.send(position);
        }
        if (!server.withholdPositionEnd) {
            server.send(msg.positionEnd());
        }
    }

    /** reqAccountUpdates: a subscription is answered with the portfolio, then its end. */
    private void portfolio(List<String> r) throws IOException {
        if (!r.get(2).equals("1")) {
            return;
        }
        for (List<String> line : server.portfolio) {
            server.send(line);
        }
        if (!server.withholdAccountDownloadEnd) {
            server.send(msg.accountDownloadEnd(r.get(3)));
        }
    }

    private void executions(int reqId) throws IOException {
        for (Executed e : server.executions) {
            server.send(
                    msg.execDetails(
                            reqId,
                            e.orderId(),
                            e.symbol(),
                            e.execId(),
                            e.side(),
                            e.shares(),
                            e.price(),
                            e.orderRef()));
            server.send(msg.commissionReport(e.execId(), "1.0", "1.7976931348623157E308"));
        }
        server.send(msg.execDetailsEnd(reqId));
    }
}
