package org.tickerdesk.ibkr.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.ibkr.faketws.OpenOrderMessage;
import org.tickerdesk.ibkr.faketws.ServerMessages;
import org.tickerdesk.ibkr.wire.messages.ContractDetails;
import org.tickerdesk.ibkr.wire.messages.ContractDetailsEnd;
import org.tickerdesk.ibkr.wire.messages.CurrentTime;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.ManagedAccounts;
import org.tickerdesk.ibkr.wire.messages.NewsBulletin;
import org.tickerdesk.ibkr.wire.messages.NextValidId;
import org.tickerdesk.ibkr.wire.messages.TwsError;
import org.tickerdesk.ibkr.wire.messages.account.Position;
import org.tickerdesk.ibkr.wire.messages.account.PositionEnd;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBars;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalDataEnd;
import org.tickerdesk.ibkr.wire.messages.orders.CommissionReport;
import org.tickerdesk.ibkr.wire.messages.orders.Execution;
import org.tickerdesk.ibkr.wire.messages.orders.OpenOrder;
import org.tickerdesk.ibkr.wire.messages.orders.OpenOrderEnd;
import org.tickerdesk.ibkr.wire.messages.orders.OrderStatus;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataTypeChanged;
import org.tickerdesk.ibkr.wire.messages.ticks.TickGeneric;
import org.tickerdesk.ibkr.wire.messages.ticks.TickPrice;
import org.tickerdesk.ibkr.wire.messages.ticks.TickRequestParams;
import org.tickerdesk.ibkr.wire.messages.ticks.TickSize;
import org.tickerdesk.ibkr.wire.messages.ticks.TickString;

/**
 * Messages as TWS writes them, decoded at the oldest, middle and newest versions and at the 195/196
 * steps.
 */
class MessageDecodingTest {

    private static List<IncomingMessage> decode(int v, List<String> fields)
            throws MalformedMessageException {
        return new MessageDecoder(v).decode(fields);
    }

    private static IncomingMessage one(int v, List<String> fields)
            throws MalformedMessageException {
        List<IncomingMessage> messages = decode(v, fields);
        assertEquals(1, messages.size());
        return messages.get(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void ticks(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        TickPrice bid = (TickPrice) one(v, m.tickPrice(4, 1, "189.51", "300", 5));
        assertEquals(
                new TickPrice(
                        4, 1, new BigDecimal("189.51"), new BigDecimal("300"), true, false, true),
                bid);
        assertFalse(bid.noQuote());
        assertTrue(((TickPrice) one(v, m.tickPrice(4, 1, "-1", "0", 0))).noQuote());
        assertNull(((TickPrice) one(v, m.tickPrice(4, 9, "188.00", "", 0))).size());
        assertEquals(
                new TickSize(4, 8, new BigDecimal("123456")), one(v, m.tickSize(4, 8, "123456")));
        TickString last = (TickString) one(v, m.tickString(4, 45, "1763740800"));
        assertEquals(Instant.ofEpochSecond(1763740800L), last.lastTradeTime());
        assertEquals(new TickGeneric(4, 49, BigDecimal.ZERO), one(v, m.tickGeneric(4, 49, "0")));
        assertEquals(
                new TickRequestParams(4, new BigDecimal("0.01"), "9c0001", 3),
                one(v, m.tickReqParams(4, "0.01", "9c0001", 3)));
        assertEquals(
                new MarketDataTypeChanged(4, MarketDataKind.DELAYED),
                one(v, m.marketDataType(4, 3)));
    }

    @ParameterizedTest
    @ValueSource(ints = {166, 193, 194, 200})
    void anOrderRejectCarriesItsJsonFrom166(int v) throws Exception {
        TwsError error =
                (TwsError)
                        one(
                                v,
                                new ServerMessages(v)
                                        .error(
                                                7,
                                                201,
                                                "Order rejected",
                                                "{\"reasons\":[\"\\u00c9chec\"]}"));
        assertEquals(201, error.code());
        assertEquals("{\"reasons\":[\"\u00c9chec\"]}", error.advancedOrderRejectJson());
    }

    /**
     * IB reads a Decimal left empty or spelled as one of its unset values as no size, not as a
     * number.
     */
    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void sizesIbLeavesUnsetAreNoSize(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        for (String unset :
                List.of(
                        "",
                        "2147483647",
                        "9223372036854775807",
                        "-9223372036854775808",
                        "1.7976931348623157E308")) {
            assertEquals(new TickSize(4, 8, null), one(v, m.tickSize(4, 8, unset)), unset);
            assertNull(((TickPrice) one(v, m.tickPrice(4, 1, "189.51", unset, 0))).size(), unset);
            HistoricalBars bars =
                    (HistoricalBars)
                            decode(
                                            v,
                                            m.historicalData(
                                                            8,
                                                            "a",
                                                            "b",
                                                            new String[] {
                                                                "20251120",
                                                                "1",
                                                                "2",
                                                                "0.5",
                                                                "1.5",
                                                                unset,
                                                                unset,
                                                                "3"
                                                            })
                                                    .get(0))
                                    .get(0);
            assertNull(bars.bars().get(0).volume(), unset);
            assertNull(bars.bars().get(0).wap(), unset);
        }
        assertEquals(new TickSize(4, 8, new BigDecimal("0.5")), one(v, m.tickSize(4, 8, "0.5")));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 166, 178, 193, 194, 200})
    void session(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        TwsError error =
                (TwsError) one(v, m.error(12, 200, "No security definition has been found"));
        assertEquals(12, error.reqId());
        assertEquals(200, error.code());
        assertEquals(v >= 194 ? 1763750000123L : 0L, error.errorTimeMillis());
        assertEquals(new NextValidId(101), one(v, m.nextValidId(101)));
        assertEquals(
                new ManagedAccounts(List.of("DU1", "DU2")), one(v, m.managedAccounts("DU1,DU2,")));
        assertEquals(
                new CurrentTime(Instant.ofEpochSecond(1763750000L)),
                one(v, m.currentTime(1763750000L)));
        assertEquals(
                new NewsBulletin(3, 1, "Trading halted", "NYSE"),
                one(v, m.newsBulletin(3, 1, "Trading halted", "NYSE")));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 163, 164, 178, 182, 186, 200})
    void contractDetails(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        ContractDetails details =
                (ContractDetails)
                        one(
                                v,
                                m.contractData(
                                        3,
                                        "ESZ5",
                                        "FUT",
                                        "20251219 09:30 US/Central",
                                        "CME",
                                        495512563,
                                        "0.25",
                                        "E-mini S\\u0026P 500"));
        assertEquals(3, details.reqId());
        assertEquals(495512563, details.conId());
        assertEquals("20251219", details.lastTradeDateOrContractMonth());
        assertEquals("09:30", details.lastTradeTime());
        assertEquals(new BigDecimal("0.25"), details.minTick());
        assertEquals("E-mini S&P 500", details.longName());
        assertEquals("US/Eastern", details.timeZoneId());
        assertEquals("20251121:0930-20251121:1600", details.liquidHours());
        assertEquals(v >= 164 ? new BigDecimal("0.0001") : null, details.minSize());
        assertEquals(new ContractDetailsEnd(3), one(v, m.contractDataEnd(3)));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 163, 164, 182, 200})
    void anOptionsContractDetailsNameItsTermsAndUnderlying(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        ContractDetails option =
                (ContractDetails)
                        one(
                                v,
                                m.contractData(
                                        4,
                                        new ServerMessages.Listing(
                                                "AAPL",
                                                "OPT",
                                                "20261120",
                                                "182.5",
                                                "P",
                                                "100",
                                                "SMART",
                                                "USD",
                                                "AAPL  261120P00182500",
                                                712345678,
                                                "0.01",
                                                265598,
                                                "AAPL",
                                                "STK"),
                                        "",
                                        "AAPL"));
        assertEquals(new BigDecimal("182.5"), option.strike());
        assertEquals("P", option.right());
        assertEquals("100", option.multiplier());
        assertEquals("20261120", option.lastTradeDateOrContractMonth());
        assertEquals(265598, option.underConId());
        assertEquals("AAPL", option.underSymbol());
        assertEquals("STK", option.underSecType());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 200})
    void aStocksContractDetailsHaveNoUnderlying(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        ContractDetails stock =
                (ContractDetails)
                        one(v, m.contractData(1, "AAPL", "STK", "", "SMART", 265598, "0.01", "A"));
        assertEquals(0, stock.underConId());
        assertEquals("", stock.underSymbol());
        assertEquals("", stock.underSecType());
    }

    @ParameterizedTest
    @ValueSource(ints = {178, 179, 186, 200})
    void aFundsContractDetailsCarryTheFundFieldsFrom179(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        List<String> fund =
                m.contractData(
                        5,
                        "VMFXX",
                        "FUND",
                        "",
                        "FUNDSERV",
                        "",
                        "USD",
                        123456,
                        "0.01",
                        "VANGUARD FEDERAL MONEY MARKET");
        ContractDetails details = (ContractDetails) one(v, fund);
        assertEquals("FUND", details.secType());
        assertEquals(
                new BigDecimal("0.0001"),
                details.minSize(),
                "the size rules before the fund fields");
    }

    @ParameterizedTest
    @ValueSource(ints = {191, 200})
    void permIdsBeyondIntFrom191(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        String permId = "9876543210123";
        List<String> status =
                new ArrayList<>(m.orderStatus(101, "Submitted", "0", "100", "0", "0"));
        status.set(6, permId);
        assertEquals(9876543210123L, ((OrderStatus) one(v, status)).permId());
        List<String> open =
                new ArrayList<>(
                        OpenOrderMessage.of(
                                v,
                                101,
                                "AAPL",
                                "BUY",
                                "100",
                                "LMT",
                                "189.5",
                                "",
                                "GTC",
                                "td-42",
                                "Submitted",
                                List.of("0")));
        open.set(25, permId);
        assertEquals(9876543210123L, ((OpenOrder) one(v, open)).permId());
        List<String> fill =
                new ArrayList<>(
                        m.execDetails(-1, 101, "AAPL", "e1", "BOT", "100", "189.53", "td-42"));
        fill.set(21, permId);
        assertEquals(9876543210123L, ((Execution) one(v, fill)).permId());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 195, 196, 200})
    void historyEndsWithTheEndMarkerInEitherLayout(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        List<IncomingMessage> decoded = new ArrayList<>();
        for (List<String> message :
                m.historicalData(
                        8,
                        "20251120",
                        "20251121",
                        new String[] {
                            "20251120",
                            "189.10",
                            "190.00",
                            "188.50",
                            "189.90",
                            "5432100",
                            "189.41",
                            "40211"
                        },
                        new String[] {
                            "20251121", "189.90", "191.00", "189.20", "190.70", "-1", "-1", "-1"
                        })) {
            decoded.addAll(decode(v, message));
        }
        assertEquals(2, decoded.size());
        HistoricalBars bars = (HistoricalBars) decoded.get(0);
        assertEquals(2, bars.bars().size());
        assertEquals(new BigDecimal("190.00"), bars.bars().get(0).high());
        assertEquals(new BigDecimal("5432100"), bars.bars().get(0).volume());
        assertNull(bars.bars().get(1).volume());
        assertNull(bars.bars().get(1).wap());
        assertEquals(new HistoricalDataEnd(8, "20251120", "20251121"), decoded.get(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 170, 178, 185, 193, 195, 198, 200})
    void orderLifecycle(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        OpenOrder open =
                (OpenOrder)
                        one(
                                v,
                                OpenOrderMessage.of(
                                        v,
                                        101,
                                        "AAPL",
                                        "BUY",
                                        "100",
                                        "LMT",
                                        "189.5",
                                        "",
                                        "GTC",
                                        "td-42",
                                        "Submitted",
                                        List.of("0")));
        assertEquals("td-42", open.orderRef());
        assertEquals(new BigDecimal("189.5"), open.limitPrice());
        assertNull(open.auxPrice());
        assertEquals("Submitted", open.status());
        OrderStatus filled =
                (OrderStatus) one(v, m.orderStatus(101, "Filled", "100", "0", "189.53", "189.53"));
        assertEquals(new BigDecimal("189.53"), filled.avgFillPrice());
        assertEquals(987654321L, filled.permId());
        assertNull(
                ((OrderStatus) one(v, m.orderStatus(101, "Submitted", "0", "100", "0", "0")))
                        .avgFillPrice());
        Execution fill =
                (Execution)
                        one(
                                v,
                                m.execDetails(
                                        -1, 101, "AAPL", "e1", "BOT", "100", "189.53", "td-42"));
        assertEquals("td-42", fill.orderRef());
        assertEquals(new BigDecimal("100"), fill.shares());
        assertEquals(
                new CommissionReport("e1", new BigDecimal("1.0"), "USD", null),
                one(v, m.commissionReport("e1", "1.0", "1.7976931348623157E308")));
        assertInstanceOf(OpenOrderEnd.class, one(v, m.openOrderEnd()));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 200})
    void openOrderWithConditionsIsReadPast(int v) throws Exception {
        List<String> priceCondition =
                List.of(
                        "2",
                        "1",
                        "a",
                        "1",
                        "190.0",
                        "265598",
                        "SMART",
                        "0",
                        "3",
                        "o",
                        "0",
                        "20251121 16:00:00 US/Eastern",
                        "0",
                        "1");
        OpenOrder open =
                (OpenOrder)
                        one(
                                v,
                                OpenOrderMessage.of(
                                        v,
                                        7,
                                        "AAPL",
                                        "SELL",
                                        "5",
                                        "MKT",
                                        "",
                                        "",
                                        "DAY",
                                        "td-c",
                                        "PreSubmitted",
                                        priceCondition));
        assertEquals("td-c", open.orderRef());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void positionsAndTheirEnd(int v) throws Exception {
        ServerMessages m = new ServerMessages(v);
        assertEquals(
                new Position(
                        "DU123456",
                        72063691,
                        "BRK B",
                        "STK",
                        "",
                        "",
                        "USD",
                        "BRK B",
                        "NMS",
                        new BigDecimal("-25"),
                        new BigDecimal("412.3318")),
                one(v, m.stockPosition("DU123456", 72063691, "BRK B", "-25", "412.3318")));
        Position option =
                (Position)
                        one(
                                v,
                                m.position(
                                        "DU654321",
                                        812345678,
                                        "AAPL",
                                        "OPT",
                                        "20251219",
                                        "190.0",
                                        "C",
                                        "AAPL  251219C00190000",
                                        "AAPL",
                                        "3.5",
                                        "512.0"));
        assertEquals("20251219", option.lastTradeDateOrContractMonth());
        assertEquals("AAPL  251219C00190000", option.localSymbol());
        assertEquals(new BigDecimal("3.5"), option.quantity());
        assertNull(
                ((Position)
                                one(
                                        v,
                                        m.stockPosition(
                                                "DU1", 1, "AAPL", "0", "1.7976931348623157E308")))
                        .averageCost(),
                "an average cost IB leaves unset is none");
        assertEquals(new PositionEnd(), one(v, m.positionEnd()));
    }

    /** The position message's own version decides: version 2 carries no average cost. */
    @ParameterizedTest
    @ValueSource(ints = {157, 200})
    void aVersion2PositionHasNoAverageCost(int v) throws Exception {
        Position p =
                (Position)
                        one(
                                v,
                                List.of(
                                        "61", "2", "DU1", "265598", "AAPL", "STK", "", "0", "", "",
                                        "", "USD", "AAPL", "NMS", "100"));
        assertEquals("NMS", p.tradingClass());
        assertEquals(new BigDecimal("100"), p.quantity());
        assertNull(p.averageCost());
    }
}
