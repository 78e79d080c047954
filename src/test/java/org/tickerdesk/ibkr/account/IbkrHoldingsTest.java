package org.tickerdesk.ibkr.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.ibkr.faketws.FakeTws;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.ibkr.faketws.ServerMessages;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;
import org.tickerdesk.ibkr.wire.messages.account.Position;
import org.tickerdesk.trading.entity.Holding;

/**
 * The holdings against the fake TWS, which answers reqPositions with the positions it is given and
 * then positionEnd, unless told to hold it back.
 */
class IbkrHoldingsTest {

    @RegisterExtension final FakeTws fake = new FakeTws();

    private static final Logger READER_LOG =
            Logger.getLogger("org.tickerdesk.ibkr.session.ReaderLoop");

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler logHandler =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logged.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    private final ServerMessages m = new ServerMessages(178);
    private FakeTwsServer server;
    private TwsSession session;
    private IbkrHoldings holdings;

    @AfterEach
    void stopListening() {
        READER_LOG.removeHandler(logHandler);
        if (holdings != null) {
            holdings.close();
        }
    }

    private void startServer(int serverVersion) throws Exception {
        session = fake.start(serverVersion);
        server = fake.server();
        holdings = new IbkrHoldings(session);
    }

    private static Holding holding(String account, String symbol, String quantity, String cost) {
        return new Holding(account, symbol, new BigDecimal(quantity), new BigDecimal(cost));
    }

    private List<String> berkshire(String quantity) {
        return m.stockPosition("DU123456", 72063691, "BRK B", quantity, "412.3318");
    }

    private List<String> esDecember() {
        return m.position(
                "DU654321",
                620731015,
                "ES",
                "FUT",
                "20261218",
                "0.0",
                "",
                "ESZ6",
                "ES",
                "2",
                "343812.5");
    }

    private List<String> appleCall(String quantity) {
        return m.position(
                "DU123456",
                812345678,
                "AAPL",
                "OPT",
                "20251219",
                "190.0",
                "C",
                "AAPL  251219C00190000",
                "AAPL",
                quantity,
                "512.0");
    }

    private void awaitHoldings(List<Holding> expected) throws InterruptedException {
        await(() -> holdings.holdings().equals(expected), () -> "holdings " + expected);
        assertEquals(expected, holdings.holdings());
    }

    private static void await(BooleanSupplier condition, Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 5 s for " + what.get());
            }
            Thread.sleep(5);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void afterConnectingItAsksForThePositionsAndHoldsThemOnceTheyAreComplete(int v)
            throws Exception {
        startServer(v);
        server.positions.addAll(List.of(berkshire("-25"), esDecember(), appleCall("3")));
        holdings.start();
        fake.connect();

        assertEquals(List.of("61", "1"), server.nextRequest(61), "reqPositions, version 1");
        awaitHoldings(
                List.of(
                        holding("DU123456", "AAPL251219C00190000", "3", "512.0"),
                        holding("DU123456", "BRK.B", "-25", "412.3318"),
                        holding("DU654321", "ESZ6", "2", "343812.5")));
    }

    @Test
    void afterTheReportEachChangeCountsAndAQuantityOfZeroRemovesTheHolding() throws Exception {
        startServer(178);
        server.positions.addAll(List.of(berkshire("-25"), appleCall("3")));
        holdings.start();
        fake.connect();
        awaitHoldings(
                List.of(
                        holding("DU123456", "AAPL251219C00190000", "3", "512.0"),
                        holding("DU123456", "BRK.B", "-25", "412.3318")));

        server.send(berkshire("0"));
        server.send(appleCall("5"));
        server.send(m.stockPosition("DU654321", 272093, "MSFT", "10", "401.5"));
        awaitHoldings(
                List.of(
                        holding("DU123456", "AAPL251219C00190000", "5", "512.0"),
                        holding("DU654321", "MSFT", "10", "401.5")));
    }

    @Test
    void afterAReconnectTheNewReportReplacesTheSetOnlyOnceItIsComplete() throws Exception {
        startServer(178);
        server.positions.addAll(List.of(berkshire("-25"), esDecember()));
        holdings.start();
        fake.connect();
        server.nextRequest(61);
        List<Holding> before =
                List.of(
                        holding("DU123456", "BRK.B", "-25", "412.3318"),
                        holding("DU654321", "ESZ6", "2", "343812.5"));
        awaitHoldings(before);

        // registered after the holdings, so it hears each message once they have taken it in
        List<IncomingMessage> heard = new CopyOnWriteArrayList<>();
        session.addListener(heard::add);
        server.positions.clear();
        server.positions.add(berkshire("-10"));
        server.withholdPositionEnd = true;
        server.dropConnection();

        assertEquals(List.of("61", "1"), server.nextRequest(61), "asked again");
        await(
                () -> heard.stream().anyMatch(Position.class::isInstance),
                () -> "the new report's position");
        assertEquals(before, holdings.holdings(), "the last complete set stands meanwhile");

        server.send(m.positionEnd());
        awaitHoldings(List.of(holding("DU123456", "BRK.B", "-10", "412.3318")));
    }

    @Test
    void aPositionThatDoesNotReadIsSkippedWithAWarningNamingTheFieldAndTheRestHeld()
            throws Exception {
        READER_LOG.addHandler(logHandler);
        startServer(178);
        server.positions.addAll(
                List.of(
                        berkshire("-25"),
                        m.stockPosition("DU123456", 265598, "AAPL", "1O0", "189.10"),
                        esDecember()));
        fake.connect();
        // a session already connected is asked at once
        holdings.start();

        awaitHoldings(
                List.of(
                        holding("DU123456", "BRK.B", "-25", "412.3318"),
                        holding("DU654321", "ESZ6", "2", "343812.5")));
        List<LogRecord> warnings =
                logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        String text = new SimpleFormatter().formatMessage(warnings.get(0));
        assertTrue(text.contains("field 'position' is '1O0'"), text);
        assertNull(warnings.get(0).getThrown(), "no stack trace for a bad byte");
        assertTrue(session.isConnected(), "the connection is untouched");
    }
}
