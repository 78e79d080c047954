package org.tickerdesk.ibkr.faketws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What TWS sends, written field by field from IB's protocol for a given server version, for the
 * fake server and the decoder tests. Deliberately independent of the client's decoders.
 */
public final class ServerMessages {

    private final int v;

    public ServerMessages(int serverVersion) {
        this.v = serverVersion;
    }

    public static List<String> of(Object... fields) {
        List<String> out = new ArrayList<>();
        for (Object field : fields) {
            out.add(String.valueOf(field));
        }
        return out;
    }

    public List<String> tickPrice(
            int reqId, int tickType, String price, String size, int attrMask) {
        return of(1, 6, reqId, tickType, price, size, attrMask);
    }

    public List<String> tickSize(int reqId, int tickType, String size) {
        return of(2, 6, reqId, tickType, size);
    }

    public List<String> tickString(int reqId, int tickType, String value) {
        return of(46, 6, reqId, tickType, value);
    }

    public List<String> tickGeneric(int reqId, int tickType, String value) {
        return of(45, 6, reqId, tickType, value);
    }

    public List<String> tickReqParams(int reqId, String minTick, String bbo, int permissions) {
        return of(81, reqId, minTick, bbo, permissions);
    }

    public List<String> marketDataType(int reqId, int type) {
        return of(58, 1, reqId, type);
    }

    public List<String> error(int reqId, int code, String text) {
        return error(reqId, code, text, "");
    }

    /** With the advanced order-reject JSON, which TWS sends from 166. */
    public List<String> error(int reqId, int code, String text, String rejectJson) {
        List<String> f = v < 194 ? of(4, 2, reqId, code, text) : of(4, reqId, code, text);
        if (v >= 166) {
            f.add(rejectJson);
        }
        if (v >= 194) {
            f.add("1763750000123");
        }
        return f;
    }

    public List<String> nextValidId(int orderId) {
        return of(9, 1, orderId);
    }

    public List<String> managedAccounts(String accounts) {
        return of(15, 1, accounts);
    }

    public List<String> currentTime(long epochSeconds) {
        return of(49, 1, epochSeconds);
    }

    public List<String> newsBulletin(int id, int type, String text, String exchange) {
        return of(14, 1, id, type, text, exchange);
    }

    public List<String> contractData(
            int reqId,
            String symbol,
            String secType,
            String expiry,
            String exchange,
            int conId,
            String minTick,
            String longName) {
        return contractData(
                reqId, symbol, secType, expiry, exchange, "NASDAQ", "USD", conId, minTick,
                longName);
    }

    public List<String> contractData(
            int reqId,
            String symbol,
            String secType,
            String expiry,
            String exchange,
            String primaryExchange,
            String currency,
            int conId,
            String minTick,
            String longName) {
        return contractData(
                reqId,
                new Listing(
                        symbol, secType, expiry, "0", "", "", exchange, currency, symbol, conId,
                        minTick, 0, "", ""),
                primaryExchange,
                longName);
    }

    /**
     * A contract as contractData describes it: a derivative with its strike, right (C, P or empty),
     * multiplier and underlying (conId, symbol, secType), or anything else with "0", "" and 0
     * there.
     */
    public record Listing(
            String symbol,
            String secType,
            String expiry,
            String strike,
            String right,
            String multiplier,
            String exchange,
            String currency,
            String localSymbol,
            int conId,
            String minTick,
            int underConId,
            String underSymbol,
            String underSecType) {}

    public List<String> contractData(
            int reqId, Listing c, String primaryExchange, String longName) {
        String exchange = c.exchange();
        List<String> f = v < 164 ? of(10, 8, reqId) : of(10, reqId);
        f.addAll(of(c.symbol(), c.secType(), c.expiry()));
        if (v >= 182) {
            f.add(c.expiry().split(" ")[0]);
        }
        f.addAll(
                of(
                        c.strike(),
                        c.right(),
                        exchange,
                        c.currency(),
                        c.localSymbol(),
                        c.symbol(),
                        c.symbol(),
                        c.conId(),
                        c.minTick()));
        if (v < 164) {
            f.add("1");
        }
        f.addAll(
                of(
                        c.multiplier(),
                        "ACTIVETIM,LMT,MKT,STP",
                        exchange + ",ISLAND",
                        1,
                        c.underConId(),
                        longName,
                        primaryExchange,
                        "",
                        "Technology",
                        "Computers",
                        "Computers",
                        "US/Eastern",
                        "20251121:0400-20251121:2000;20251122:CLOSED",
                        "20251121:0930-20251121:1600",
                        "",
                        "0",
                        2,
                        "ISIN",
                        "US0378331005",
                        "CUSIP",
                        "037833100",
                        1,
                        c.underSymbol(),
                        c.underSecType(),
                        "26,26",
                        "",
                        "COMMON"));
        if (v == 163) {
            f.add("0.0001");
        }
        if (v >= 164) {
            f.addAll(of("0.0001", "0.0001", "100"));
        }
        if (v >= 179 && c.secType().equals("FUND")) {
            f.addAll(
                    of(
                            "Money Market Fund",
                            "Fund Family",
                            "Money Market",
                            "0",
                            "0",
                            "",
                            "0.1",
                            0,
                            0,
                            0,
                            "",
                            "3000",
                            "1",
                            "ALL",
                            "",
                            "N",
                            "MM"));
        }
        if (v >= 186) {
            f.addAll(of(1, "ID1", "Not eligible for overnight"));
        }
        return f;
    }

    public List<String> contractDataEnd(int reqId) {
        return of(52, 1, reqId);
    }

    /** Bars as [date, o, h, l, c, volume, wap, count] rows; before 196 the end marker is inside. */
    public List<List<String>> historicalData(
            int reqId, String start, String end, String[]... bars) {
        List<String> f = of(17, reqId);
        if (v < 196) {
            f.addAll(of(start, end));
        }
        f.add(String.valueOf(bars.length));
        for (String[] bar : bars) {
            f.addAll(Arrays.asList(bar));
        }
        return v < 196 ? List.of(f) : List.of(f, of(108, reqId, start, end));
    }

    public List<String> orderStatus(
            int orderId, String status, String filled, String remaining, String avg, String last) {
        return of(3, orderId, status, filled, remaining, avg, 987654321L, 0, last, 7, "", "");
    }

    public List<String> openOrderEnd() {
        return of(53, 1);
    }

    public List<String> execDetails(
            int reqId,
            int orderId,
            String symbol,
            String execId,
            String side,
            String shares,
            String price,
            String orderRef) {
        List<String> f =
                of(
                        11,
                        reqId,
                        orderId,
                        265598,
                        symbol,
                        "STK",
                        "",
                        "0",
                        "",
                        "",
                        "ISLAND",
                        "USD",
                        symbol,
                        "NMS",
                        execId,
                        "20251121 10:00:01 US/Eastern",
                        "DU123456",
                        "ISLAND",
                        side,
                        shares,
                        price,
                        987654321L,
                        7,
                        0,
                        shares,
                        price,
                        orderRef,
                        "",
                        "",
                        "",
                        2);
        if (v >= 178) {
            f.add("0");
        }
        if (v >= 198) {
            f.add("");
        }
        return f;
    }

    public List<String> commissionReport(String execId, String commission, String realizedPnl) {
        return of(59, 1, execId, commission, "USD", realizedPnl, "1.7976931348623157E308", "");
    }

    public List<String> execDetailsEnd(int reqId) {
        return of(55, 1, reqId);
    }

    /**
     * Version 3: the account, the contract (conId, symbol, secType, expiry, strike, right,
     * multiplier, exchange, currency, local symbol, trading class), the position and the average
     * cost.
     */
    public List<String> position(
            String account,
            int conId,
            String symbol,
            String secType,
            String expiry,
            String strike,
            String right,
            String localSymbol,
            String tradingClass,
            String quantity,
            String avgCost) {
        String multiplier = secType.equals("STK") ? "" : secType.equals("FUT") ? "50" : "100";
        return of(
                61,
                3,
                account,
                conId,
                symbol,
                secType,
                expiry,
                strike,
                right,
                multiplier,
                "",
                "USD",
                localSymbol,
                tradingClass,
                quantity,
                avgCost);
    }

    /** A stock position as TWS reports it: no expiry, a strike of 0, the symbol as local symbol. */
    public List<String> stockPosition(
            String account, int conId, String symbol, String quantity, String avgCost) {
        return position(
                account, conId, symbol, "STK", "", "0.0", "", symbol, "NMS", quantity, avgCost);
    }

    public List<String> positionEnd() {
        return of(62, 1);
    }

    /**
     * updatePortfolioValue, version 8, of an event contract as IB models a ForecastEx one (an
     * option on FORECASTX, multiplier 1): the contract (conId, symbol, secType, expiry, strike,
     * right, multiplier, primary exchange, currency, local symbol, trading class), the position,
     * market price, market value, average cost, unrealised and realised P&L, and the account.
     */
    public List<String> portfolioValue(
            String account,
            int conId,
            String symbol,
            String expiry,
            String strike,
            String localSymbol,
            String position,
            String marketPrice,
            String marketValue,
            String averageCost,
            String unrealizedPnl,
            String realizedPnl) {
        return of(
                7,
                8,
                conId,
                symbol,
                "OPT",
                expiry,
                strike,
                "C",
                "1",
                "",
                "USD",
                localSymbol,
                symbol,
                position,
                marketPrice,
                marketValue,
                averageCost,
                unrealizedPnl,
                realizedPnl,
                account);
    }

    public List<String> accountDownloadEnd(String account) {
        return of(54, 1, account);
    }
}
