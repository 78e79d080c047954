package org.tickerdesk.ibkr.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.ibkr.faketws.ServerMessages;
import org.tickerdesk.ibkr.faketws.TestThreads;
import org.tickerdesk.ibkr.history.HistoricalDataRequest;
import org.tickerdesk.ibkr.history.IbkrHistory;
import org.tickerdesk.ibkr.history.Lookback;
import org.tickerdesk.ibkr.history.PacingGate;
import org.tickerdesk.ibkr.marketdata.LineState.Status;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.SourceStatus;
import org.tickerdesk.marketdata.entity.SourceStatus.State;
import org.tickerdesk.testing.SettableClock;

/** The IBKR market-data source against the fake TWS, which splits its writes into small pieces. */
class IbkrMarketDataTest {

    private FakeTwsServer server;
    private IbkrMarketData source;
    private final RecordingSink sink = new RecordingSink();

    private void start(int serverVersion, int maxLines) throws Exception {
        server = new FakeTwsServer(serverVersion);
        source = new IbkrMarketData(TestThreads.session(server.port(), maxLines), true);
        source.start(sink);
        sink.awaitStatus(SourceStatus::connected);
    }

    @AfterEach
    void stop() throws IOException {
        if (source != null) {
            source.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void ticksBecomeQuotesWithTheirMarketDataType(int serverVersion) throws Exception {
        start(serverVersion, 10);
        assertEquals(List.of("59", "1", "1"), server.nextRequest(59));
        source.subscribe(Contract.stock("AAPL", "NASDAQ"));
        List<String> request = server.nextRequest(1);
        assertEquals(List.of("AAPL", "STK"), request.subList(4, 6));
        assertEquals(List.of("SMART", "NASDAQ", "USD"), request.subList(10, 13));

        // quotes are conflated on their way to the sink, so the first one may already carry every
        // tick
        Quote full = sink.awaitQuote(q -> q.volume() == 123456);
        assertEquals(
                new Quote(
                        "AAPL",
                        189.51,
                        189.55,
                        189.53,
                        300,
                        200,
                        100,
                        123456,
                        full.timestampMicros(),
                        MarketDataType.LIVE),
                full);
        assertEquals(Status.STREAMING, source.state("AAPL").status());
    }

    @Test
    void delayedDataIsMarkedSoOnEveryQuoteAndInTheState() throws Exception {
        start(200, 10);
        source.subscribe(Contract.stock("DELAYED", "NYSE"));
        Quote quote = sink.awaitQuote(q -> q.volume() == 9000);
        assertEquals(MarketDataType.DELAYED, quote.type());
        assertEquals(41.10, quote.bid());
        assertEquals(41.20, quote.ask());
        assertEquals(7, quote.askSize());
        LineState state = source.state("DELAYED");
        assertEquals(Status.DELAYED, state.status());
        assertTrue(state.detail().contains("10167"), state.detail());
    }

    @Test
    void refusalsShowPerSymbolAndFreeTheLineForTheNextWaiter() throws Exception {
        start(178, 1);
        for (String symbol : List.of("NOPERM", "DENIED", "NOSUCH", "AAPL")) {
            source.subscribe(Contract.stock(symbol, "SMART"));
        }
        assertEquals("AAPL", sink.awaitQuote(q -> true).symbol());
        assertEquals(Status.NO_PERMISSION, source.state("NOPERM").status());
        assertTrue(source.state("NOPERM").detail().contains("354"));
        assertEquals(Status.NO_PERMISSION, source.state("DENIED").status());
        assertTrue(source.state("DENIED").detail().contains("10168"));
        assertEquals(Status.NO_SUCH_CONTRACT, source.state("NOSUCH").status());
        assertTrue(
                source.state("NOSUCH").detail().startsWith("No such instrument at IBKR: NOSUCH"));
        assertEquals(List.of(), source.waitingForLine());
        assertEquals(1, source.linesInUse());
    }

    @Test
    void neverMoreLinesThanAllowedAndWaitersAreServedInOrder() throws Exception {
        start(200, 2);
        for (String symbol : List.of("AAA", "BBB", "CCC", "DDD", "BBB")) {
            source.subscribe(Contract.stock(symbol, "SMART"));
        }
        List<String> aaa = nextLineRequest();
        assertEquals("AAA", aaa.get(4));
        assertEquals("BBB", nextLineRequest().get(4));
        assertEquals(List.of("CCC", "DDD"), source.waitingForLine());
        assertEquals(Status.WAITING_FOR_LINE, source.state("CCC").status());
        assertEquals(2, source.linesInUse());

        source.unsubscribe("AAA");
        assertEquals(List.of("2", "1", aaa.get(2)), nextLineRequest());
        assertEquals("CCC", nextLineRequest().get(4));
        assertEquals(List.of("DDD"), source.waitingForLine());
        source.unsubscribe("DDD");
        assertEquals(List.of(), source.waitingForLine());
        assertEquals(Status.NOT_SUBSCRIBED, source.state("DDD").status());
        assertEquals(2, source.linesInUse());
    }

    @Test
    void aDroppedConnectionIsMadeAgainAndEveryLineRequestedAgain() throws Exception {
        start(178, 10);
        source.subscribe(Contract.stock("AAPL", "SMART"));
        String first = server.nextRequest(1).get(2);
        awaitLastQuoteOfTheScript();
        server.dropConnection();
        SourceStatus down = sink.awaitStatus(s -> s.state() == State.DISCONNECTED);
        assertTrue(
                down.detail()
                        .startsWith("Connection to TWS at 127.0.0.1:" + server.port() + " lost"),
                down.detail());
        sink.awaitStatus(SourceStatus::connected);
        List<String> again = server.nextRequest(1);
        assertEquals("AAPL", again.get(4));
        assertNotEquals(first, again.get(2));
        assertEquals("AAPL", sink.awaitQuote(q -> q.volume() == 123456).symbol());
        assertEquals(Status.STREAMING, source.state("AAPL").status());
    }

    @Test
    void error1101RequestsEveryLineAgainAnd1102Nothing() throws Exception {
        start(200, 10);
        ServerMessages msg = new ServerMessages(200);
        source.subscribe(Contract.stock("AAPL", "SMART"));
        String first = server.nextRequest(1).get(2);
        awaitLastQuoteOfTheScript();

        server.send(
                msg.error(
                        -1, 1100, "Connectivity between IB and Trader Workstation has been lost."));
        assertTrue(
                sink.awaitStatus(s -> s.state() == State.DISCONNECTED).detail().contains("1100"));
        server.send(
                msg.error(
                        -1, 1101, "Connectivity between IB and TWS has been restored- data lost."));
        assertEquals(List.of("2", "1", first), nextLineRequest());
        List<String> again = nextLineRequest();
        assertEquals("AAPL", again.get(4));
        sink.awaitQuote(q -> q.volume() == 123456);

        server.send(
                msg.error(
                        -1,
                        1102,
                        "Connectivity between IB and TWS has been restored- data maintained."));
        sink.awaitStatus(s -> s.connected() && s.detail().contains("1102"));
        source.subscribe(Contract.stock("MSFT", "SMART"));
        assertEquals("MSFT", nextLineRequest().get(4), "1102 must not request AAPL again");
    }

    @Test
    void anUnreachableTwsIsReportedAndTriedAgain() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        source = new IbkrMarketData(TestThreads.session(port, 10), true);
        source.start(sink);
        String prefix = "TWS at 127.0.0.1:" + port + " not reachable: ";
        sink.awaitStatus(
                s ->
                        s.state() == State.DISCONNECTED
                                && s.detail().startsWith(prefix)
                                && s.detail().contains("[502] Cannot connect to TWS/IB Gateway"));
        sink.awaitStatus(s -> s.state() == State.DISCONNECTED && s.detail().startsWith(prefix));
        source.subscribe(Contract.stock("AAPL", "SMART"));
        assertEquals(Status.REQUESTED, source.state("AAPL").status());
    }

    @Test
    void sharesOneSessionWithTheHistoryClient() throws Exception {
        server = new FakeTwsServer(200);
        TwsSession session = TestThreads.session(server.port(), 10);
        source = new IbkrMarketData(session, false);
        SettableClock clock = new SettableClock(Instant.parse("2025-11-21T15:00:00Z"));
        IbkrHistory history =
                new IbkrHistory(
                        session,
                        new PacingGate(
                                clock,
                                clock::advance,
                                Duration.ofSeconds(15),
                                Duration.ofMinutes(10)));
        try (session) {
            session.start();
            source.start(sink);
            source.subscribe(Contract.stock("AAPL", "SMART"));
            HistoricalDataRequest window =
                    new HistoricalDataRequest(
                            IbContract.stock("AAPL", "SMART", "USD"),
                            "",
                            Lookback.parse("180 S"),
                            BarSize.MIN_1,
                            WhatToShow.TRADES,
                            true,
                            2);
            assertEquals(3, history.fetch(window, Duration.ofSeconds(5)).size());
            assertEquals("AAPL", sink.awaitQuote(q -> q.volume() == 123456).symbol());
            List<String> ids = new ArrayList<>();
            while (ids.size() < 2) {
                List<String> request = server.nextRequest();
                if (request.get(0).equals("1")) {
                    ids.add(request.get(2));
                } else if (request.get(0).equals("20")) {
                    ids.add(request.get(1));
                }
            }
            assertNotEquals(
                    ids.get(0),
                    ids.get(1),
                    "market data and history share the session's request ids");
        }
    }

    /** Consumes the fake's quotes for one request up to its last, so later quotes are new ones. */
    private void awaitLastQuoteOfTheScript() throws InterruptedException {
        sink.awaitQuote(q -> q.timestampMicros() == 1_763_740_800_000_000L);
        assertEquals(0, sink.quotes.size());
    }

    /** The next reqMktData or cancelMktData, skipping session requests. */
    private List<String> nextLineRequest() throws InterruptedException {
        while (true) {
            List<String> request = server.nextRequest();
            if (request.get(0).equals("1") || request.get(0).equals("2")) {
                return request;
            }
        }
    }
}
