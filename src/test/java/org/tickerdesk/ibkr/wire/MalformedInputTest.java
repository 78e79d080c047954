package org.tickerdesk.ibkr.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.faketws.OpenOrderMessage;
import org.tickerdesk.ibkr.faketws.ServerMessages;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.history.CorruptHistoricalData;

/** Bad input is refused with a reason, never turned into a value. */
class MalformedInputTest {

    private final MessageDecoder decoder = new MessageDecoder(178);
    private final ServerMessages m = new ServerMessages(178);

    private MalformedMessageException refused(List<String> fields) {
        return assertThrows(MalformedMessageException.class, () -> decoder.decode(fields));
    }

    @Test
    void nonNumericPriceIsRefusedNotZero() {
        assertTrue(
                refused(m.tickPrice(1, 1, "abc", "100", 0))
                        .getMessage()
                        .contains("'price' is 'abc'"));
        refused(m.tickPrice(1, 1, "", "100", 0));
        refused(m.tickPrice(1, 1, "NaN", "100", 0));
        refused(m.tickPrice(1, 1, "1.7976931348623157E308", "100", 0));
        refused(m.tickSize(1, 0, "12x"));
    }

    @Test
    void aSizeThatMustBeThereIsRefusedWhenIbLeftItUnset() {
        assertTrue(
                refused(m.orderStatus(1, "Filled", "2147483647", "0", "1", "1"))
                        .getMessage()
                        .contains("'filled' is '2147483647'"));
        refused(m.orderStatus(1, "Filled", "100", "9223372036854775807", "1", "1"));
        refused(m.execDetails(1, 1, "AAPL", "e1", "BOT", "2147483647", "189.53", "td-1"));
        refused(
                OpenOrderMessage.of(
                        178,
                        1,
                        "AAPL",
                        "BUY",
                        "2147483647",
                        "MKT",
                        "",
                        "",
                        "DAY",
                        "td-1",
                        "Submitted",
                        List.of("0")));
    }

    @Test
    void truncatedAndOverlongMessagesAreRefused() {
        List<String> truncated = new ArrayList<>(m.tickPrice(1, 1, "10", "1", 0));
        truncated.remove(truncated.size() - 1);
        truncated.remove(truncated.size() - 1);
        assertTrue(refused(truncated).getMessage().contains("ended before"));
        List<String> overlong = new ArrayList<>(m.tickSize(1, 0, "5"));
        overlong.add("surplus");
        assertTrue(refused(overlong).getMessage().contains("more fields"));
    }

    @Test
    void impossibleValuesAreRefused() {
        refused(m.marketDataType(1, 9));
        refused(m.contractData(1, "AAPL", "STK", "", "SMART", 0, "0.01", "APPLE"));
        refused(List.of("abc", "1"));
        refused(List.of());
    }

    @Test
    void unreadableBarsEndTheirRequestWithTheReasonRatherThanVanish() throws Exception {
        List<String> overAnnounced =
                m.historicalData(
                                1,
                                "a",
                                "b",
                                new String[] {"20251120", "1", "2", "0.5", "1.5", "1", "1", "1"})
                        .get(0);
        overAnnounced.set(4, "1000000");
        assertTrue(corrupt(overAnnounced).reason().contains("announces 1000000 bars"));
        assertTrue(
                corrupt(
                                m.historicalData(
                                                1,
                                                "a",
                                                "b",
                                                new String[] {
                                                    "20251120",
                                                    "1",
                                                    "0.5",
                                                    "2",
                                                    "1.5",
                                                    "1",
                                                    "1",
                                                    "1"
                                                })
                                        .get(0))
                        .reason()
                        .contains("below low"));
        assertTrue(
                corrupt(
                                m.historicalData(
                                                1,
                                                "a",
                                                "b",
                                                new String[] {
                                                    "20251120", "1", "2", "x", "1.5", "1", "1", "1"
                                                })
                                        .get(0))
                        .reason()
                        .contains("'low' is 'x'"));
        refused(List.of("17", "abc", "a", "b", "0"));
    }

    private CorruptHistoricalData corrupt(List<String> fields) throws MalformedMessageException {
        List<IncomingMessage> decoded = decoder.decode(fields);
        assertEquals(1, decoded.size(), decoded.toString());
        CorruptHistoricalData corrupt = (CorruptHistoricalData) decoded.get(0);
        assertEquals(1, corrupt.reqId());
        return corrupt;
    }

    /** A bad byte in a position names the field it is in. */
    @Test
    void aPositionThatDoesNotReadIsRefusedNamingTheField() {
        assertTrue(
                refused(m.stockPosition("DU1", 265598, "AAPL", "1O0", "189.10"))
                        .getMessage()
                        .contains("'position' is '1O0'"));
        assertTrue(
                refused(m.stockPosition("DU1", 265598, "AAPL", "100", "18x.10"))
                        .getMessage()
                        .contains("'avgCost' is '18x.10'"));
        assertTrue(
                refused(m.stockPosition("DU1", 265598, "AAPL", "2147483647", "189.10"))
                        .getMessage()
                        .contains("'position' is '2147483647'"));
        List<String> badConId = new ArrayList<>(m.stockPosition("DU1", 1, "AAPL", "100", "1"));
        badConId.set(3, "26559x");
        assertTrue(refused(badConId).getMessage().contains("'conId' is '26559x'"));
        assertTrue(
                refused(m.position("DU1", 0, "", "STK", "", "0.0", "", "", "", "100", "189.10"))
                        .getMessage()
                        .contains("'symbol' or 'localSymbol'"));
        List<String> truncated = new ArrayList<>(m.stockPosition("DU1", 1, "AAPL", "100", "1"));
        truncated.remove(truncated.size() - 1);
        assertTrue(refused(truncated).getMessage().contains("ended before its field 'avgCost'"));
    }

    @Test
    void unknownIdsDecodeToNothing() throws Exception {
        assertEquals(List.of(), decoder.decode(List.of("999", "1", "x")));
        assertEquals(
                List.of(),
                decoder.decode(List.of("6", "2", "NetLiquidation", "100000", "USD", "DU1")));
    }
}
