package org.tickerdesk.ibkr.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.ibkr.contracts.ContractRequests;
import org.tickerdesk.ibkr.faketws.FakeTwsScript;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.ibkr.marketdata.MarketDataRequests;
import org.tickerdesk.ibkr.wire.messages.ContractDetails;
import org.tickerdesk.ibkr.wire.messages.ContractDetailsEnd;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.TwsError;
import org.tickerdesk.ibkr.wire.messages.ticks.TickPrice;
import org.tickerdesk.ibkr.wire.messages.ticks.TickSize;

/** A real socket session against the fake TWS, which splits its writes into random small pieces. */
class TwsConnectionTest {

    private FakeTwsServer server;
    private TwsConnection connection;
    private final RecordingListener listener = new RecordingListener();

    private SessionInfo connect(int serverVersion, int clientId) throws Exception {
        server = new FakeTwsServer(serverVersion);
        connection =
                new TwsConnection(
                        "127.0.0.1",
                        server.port(),
                        clientId,
                        Duration.ofSeconds(5),
                        listener::onMessage,
                        listener::onDisconnected);
        return connection.connect();
    }

    @AfterEach
    void stop() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void handshakeNegotiatesAndWaitsForIdAndAccounts(int serverVersion) throws Exception {
        SessionInfo session = connect(serverVersion, 7);
        assertEquals("v157..200", server.greetingSeen);
        assertEquals(serverVersion, session.serverVersion());
        assertEquals("20251121 15:30:00 EST", session.connectionTime());
        assertEquals(FakeTwsScript.NEXT_ORDER_ID, session.nextOrderId());
        assertEquals(List.of("DU123456", "DU654321"), session.accounts());
        assertEquals(List.of("71", "2", "7", ""), server.nextRequest());
        assertTrue(connection.isReady());
        TwsError farm = listener.await(TwsError.class);
        assertEquals(IbError.MARKET_DATA_FARM_OK, farm.known());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 200})
    void marketDataSubscriptionDeliversDecodedTicks(int serverVersion) throws Exception {
        connect(serverVersion, 1);
        connection.send(
                MarketDataRequests.reqMktData(
                        connection.serverVersion(),
                        42,
                        IbContract.stock("AAPL", "SMART", "USD"),
                        "",
                        false));
        TickPrice bid = listener.await(TickPrice.class, t -> t.reqId() == 42 && t.tickType() == 1);
        assertEquals(new BigDecimal("189.51"), bid.price());
        assertEquals(new BigDecimal("300"), bid.size());
        assertTrue(bid.canAutoExecute());
        TickPrice ask = listener.await(TickPrice.class, t -> t.tickType() == 2);
        assertEquals(new BigDecimal("189.55"), ask.price());
        assertEquals(new BigDecimal("123456"), listener.await(TickSize.class).size());
    }

    @Test
    void missingPermissionIsReportedForTheRequest() throws Exception {
        connect(178, 1);
        connection.send(
                MarketDataRequests.reqMktData(
                        178, 5, IbContract.stock("NOPERM", "SMART", "USD"), "", false));
        TwsError error = listener.await(TwsError.class, e -> e.reqId() == 5);
        assertEquals(IbError.MARKET_DATA_NOT_SUBSCRIBED, error.known());
    }

    @Test
    void contractDetailsAndAnUnknownSymbol() throws Exception {
        connect(200, 1);
        connection.send(
                ContractRequests.reqContractDetails(
                        200, 3, IbContract.stock("AAPL", "SMART", "USD")));
        ContractDetails details = listener.await(ContractDetails.class);
        assertEquals(265598, details.conId());
        assertEquals(new BigDecimal("0.01"), details.minTick());
        assertEquals("APPLE INC", details.longName());
        assertEquals(new ContractDetailsEnd(3), listener.await(ContractDetailsEnd.class));
        connection.send(
                ContractRequests.reqContractDetails(
                        200, 4, IbContract.stock("NOSUCH", "SMART", "USD")));
        TwsError error = listener.await(TwsError.class, e -> e.reqId() == 4);
        assertEquals(IbError.NO_SECURITY_DEFINITION, error.known());
    }

    @Test
    void clientIdInUseFailsTheConnectWithIbsReason() throws Exception {
        server = new FakeTwsServer(178);
        server.clientIdsInUse.add(0);
        connection =
                new TwsConnection(
                        "127.0.0.1",
                        server.port(),
                        0,
                        Duration.ofSeconds(5),
                        listener::onMessage,
                        listener::onDisconnected);
        IOException failure = assertThrows(IOException.class, connection::connect);
        assertTrue(failure.getMessage().contains("326"), failure.getMessage());
        assertFalse(connection.isReady());
    }

    @Test
    void droppedConnectionIsReportedAndWritesFail() throws Exception {
        connect(178, 1);
        server.dropConnection();
        assertTrue(listener.awaitDisconnect().contains("closed"));
        assertFalse(connection.isReady());
        assertThrows(IOException.class, () -> connection.send(SessionRequests.reqIds(178, 1)));
    }

    @Test
    void nothingListensMeansCannotConnect() throws Exception {
        // a bound socket that does not listen: connections are refused, and no other test can take
        // the port
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            TwsConnection lonely =
                    new TwsConnection(
                            "127.0.0.1",
                            holder.getLocalPort(),
                            1,
                            Duration.ofSeconds(2),
                            listener::onMessage,
                            listener::onDisconnected);
            assertThrows(IOException.class, lonely::connect);
        }
    }
}
