package org.tickerdesk.ibkr.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.ibkr.account.AccountRequests;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.account.AccountDownloadEnd;
import org.tickerdesk.ibkr.wire.messages.account.PortfolioValue;

/** updatePortfolioValue and accountDownloadEnd from the bytes TWS sends, and reqAccountUpdates. */
class PortfolioDecodingTest {

    /** A frame as TWS writes it: a 4-byte big-endian length, then NUL-terminated fields. */
    private static byte[] frame(String fieldsJoinedByNul) {
        byte[] body = fieldsJoinedByNul.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(body.length >> 8);
        out.write(body.length & 0xff);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static List<IncomingMessage> decoded(int serverVersion, byte[] bytes) throws Exception {
        List<byte[]> bodies = new FrameDecoder().feed(bytes, 0, bytes.length);
        assertEquals(1, bodies.size());
        return new MessageDecoder(serverVersion).decode(Frames.fields(bodies.get(0)));
    }

    /** A ForecastEx contract held 10 at 0.55, marked at 1, as TWS 10.30 sends it (version 8). */
    private static final String HELD =
            "7\0"
                    + "8\0"
                    + "712345678\0"
                    + "GCE\0"
                    + "OPT\0"
                    + "20261231\0"
                    + "4050.0\0"
                    + "C\0"
                    + "1\0"
                    + "\0"
                    + "USD\0"
                    + "GCE 261231C40500000\0"
                    + "GCE\0"
                    + "10\0"
                    + "1.0\0"
                    + "10.0\0"
                    + "0.55\0"
                    + "4.5\0"
                    + "0.0\0"
                    + "DU123456\0";

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void aLineOfThePortfolio(int v) throws Exception {
        assertEquals(
                List.of(
                        new PortfolioValue(
                                "DU123456",
                                712345678,
                                "GCE",
                                "OPT",
                                "20261231",
                                "C",
                                "1",
                                "USD",
                                "GCE 261231C40500000",
                                "GCE",
                                new BigDecimal("10"),
                                new BigDecimal("1.0"),
                                new BigDecimal("0.55"),
                                new BigDecimal("0.0"))),
                decoded(v, frame(HELD)));
    }

    /** Closed today: position 0, the realised P&L kept, the market price left unset by IB. */
    @Test
    void aLineClosedTodayWithFiguresIbLeftUnset() throws Exception {
        String closed =
                "7\0"
                        + "8\0"
                        + "712345678\0"
                        + "GCE\0"
                        + "OPT\0"
                        + "20261231\0"
                        + "4050.0\0"
                        + "C\0"
                        + "1\0"
                        + "\0"
                        + "USD\0"
                        + "GCE 261231C40500000\0"
                        + "GCE\0"
                        + "0\0"
                        + "1.7976931348623157E308\0"
                        + "0.0\0"
                        + "0.0\0"
                        + "0.0\0"
                        + "-4.2\0"
                        + "DU123456\0";

        PortfolioValue value = (PortfolioValue) decoded(200, frame(closed)).get(0);

        assertEquals(BigDecimal.ZERO, value.position());
        assertNull(value.marketPrice());
        assertEquals(new BigDecimal("-4.2"), value.realizedPnl());
    }

    /** Version 7 has no trading class; the layout follows the message's own version. */
    @Test
    void aVersion7LineHasNoTradingClass() throws Exception {
        String v7 =
                "7\0"
                        + "7\0"
                        + "712345678\0"
                        + "GCE\0"
                        + "OPT\0"
                        + "20261231\0"
                        + "4050.0\0"
                        + "C\0"
                        + "1\0"
                        + "\0"
                        + "USD\0"
                        + "GCE 261231C40500000\0"
                        + "10\0"
                        + "1.0\0"
                        + "10.0\0"
                        + "0.55\0"
                        + "4.5\0"
                        + "0.0\0"
                        + "DU123456\0";

        PortfolioValue value = (PortfolioValue) decoded(200, frame(v7)).get(0);

        assertEquals("", value.tradingClass());
        assertEquals(new BigDecimal("10"), value.position());
        assertEquals("DU123456", value.account());
    }

    @Test
    void theEndOfTheDownload() throws Exception {
        assertEquals(
                List.of(new AccountDownloadEnd("DU123456")),
                decoded(200, frame("54\0" + "1\0" + "DU123456\0")));
    }

    @Test
    void aPositionThatIsNoNumberIsRefusedWithTheField() {
        String garbled = HELD.replace("\0" + "10\0" + "1.0\0", "\0" + "1O\0" + "1.0\0");

        MalformedMessageException refused =
                assertThrows(MalformedMessageException.class, () -> decoded(200, frame(garbled)));
        assertEquals("message 7 field 'position' is '1O', not a number", refused.getMessage());
    }

    @Test
    void aLineAFieldShortIsRefused() {
        String shortened = HELD.substring(0, HELD.length() - "DU123456\0".length());

        MalformedMessageException refused =
                assertThrows(MalformedMessageException.class, () -> decoded(200, frame(shortened)));
        assertEquals(
                "message 7 ended before its field 'accountName' (19 fields)", refused.getMessage());
    }

    @Test
    void aLineNamingNoContractIsRefused() {
        String nameless = HELD.replace("GCE\0OPT", "\0OPT").replace("GCE 261231C40500000", "");

        MalformedMessageException refused =
                assertThrows(MalformedMessageException.class, () -> decoded(200, frame(nameless)));
        assertEquals(
                "message 7 holds an impossible value: a portfolio value names its contract by"
                        + " 'symbol' or 'localSymbol', and both are empty",
                refused.getMessage());
    }

    @Test
    void subscribingToAnAccountsUpdates() {
        assertEquals(
                List.of("6", "2", "1", "DU123456"),
                AccountRequests.reqAccountUpdates(200, true, "DU123456").fields());
        assertEquals(
                new String(
                        new byte[] {
                            0, 0, 0, 15, '6', 0, '2', 0, '1', 0, 'D', 'U', '1', '2', '3', '4', '5',
                            '6', 0
                        },
                        StandardCharsets.US_ASCII),
                new String(
                        AccountRequests.reqAccountUpdates(157, true, "DU123456").toFrame(),
                        StandardCharsets.US_ASCII));
        assertEquals(
                List.of("6", "2", "0", "DU123456"),
                AccountRequests.reqAccountUpdates(200, false, "DU123456").fields());
    }
}
