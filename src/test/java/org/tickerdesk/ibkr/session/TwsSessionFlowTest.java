package org.tickerdesk.ibkr.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.faketws.FakeTwsServer;
import org.tickerdesk.ibkr.faketws.ServerMessages;
import org.tickerdesk.ibkr.history.HistoricalDataRequest;
import org.tickerdesk.ibkr.history.HistoryRequests;
import org.tickerdesk.ibkr.history.Lookback;
import org.tickerdesk.ibkr.marketdata.MarketDataRequests;
import org.tickerdesk.ibkr.orders.OrderRequest;
import org.tickerdesk.ibkr.orders.OrderRequests;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.NewsBulletin;
import org.tickerdesk.ibkr.wire.messages.TwsError;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBars;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalDataEnd;
import org.tickerdesk.ibkr.wire.messages.orders.CommissionReport;
import org.tickerdesk.ibkr.wire.messages.orders.Execution;
import org.tickerdesk.ibkr.wire.messages.orders.OpenOrder;
import org.tickerdesk.ibkr.wire.messages.orders.OrderStatus;
import org.tickerdesk.ibkr.wire.messages.ticks.TickPrice;

/** History, orders, bad wire input, reconnection and concurrent writers against the fake TWS. */
class TwsSessionFlowTest {

    private static final IbContract AAPL = IbContract.stock("AAPL", "SMART", "USD");

    private FakeTwsServer server;
    private TwsConnection connection;
    private final RecordingListener listener = new RecordingListener();

    private void connect(int serverVersion) throws Exception {
        server = new FakeTwsServer(serverVersion);
        connection =
                new TwsConnection(
                        "127.0.0.1",
                        server.port(),
                        3,
                        Duration.ofSeconds(5),
                        listener::onMessage,
                        listener::onDisconnected);
        connection.connect();
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
    @ValueSource(ints = {157, 195, 196, 200})
    void historyBarsArriveThenTheEndMarker(int serverVersion) throws Exception {
        connect(serverVersion);
        HistoricalDataRequest request =
                new HistoricalDataRequest(
                        AAPL,
                        "",
                        Lookback.parse("180 S"),
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        true,
                        2);
        connection.send(HistoryRequests.reqHistoricalData(serverVersion, 8, request));
        HistoricalBars bars = listener.await(HistoricalBars.class);
        assertEquals(3, bars.bars().size());
        assertEquals("1763649000", bars.bars().get(0).time());
        assertEquals(new BigDecimal("189.60"), bars.bars().get(0).high());
        assertEquals(95, bars.bars().get(0).barCount());
        HistoricalDataEnd end = listener.await(HistoricalDataEnd.class);
        assertEquals(8, end.reqId());
        assertEquals("20251120 09:33:00 US/Eastern", end.end());
    }

    @Test
    void pacingViolationIsAnnouncedAsSuch() throws Exception {
        connect(178);
        server.violatePacingOnNextHistoryRequest();
        connection.send(
                HistoryRequests.reqHistoricalData(
                        178,
                        9,
                        new HistoricalDataRequest(
                                AAPL,
                                "",
                                Lookback.parse("1 D"),
                                BarSize.SEC_5,
                                WhatToShow.MIDPOINT,
                                false,
                                1)));
        TwsError error = listener.await(TwsError.class, e -> e.reqId() == 9);
        assertEquals(IbError.HISTORICAL_PACING_VIOLATION, error.known());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void orderIsPlacedAndItsLifecycleDecoded(int serverVersion) throws Exception {
        connect(serverVersion);
        OrderRequest order =
                OrderRequest.limit(
                        OrderRequest.Action.BUY,
                        new BigDecimal("100"),
                        new BigDecimal("189.60"),
                        OrderRequest.TimeInForce.DAY,
                        "td-42");
        connection.send(OrderRequests.placeOrder(serverVersion, 101, AAPL, order));
        OpenOrder open = listener.await(OpenOrder.class);
        assertEquals("td-42", open.orderRef());
        assertEquals(new BigDecimal("189.60"), open.limitPrice());
        assertEquals("LMT", open.orderType());
        Execution fill = listener.await(Execution.class);
        assertEquals("BOT", fill.side());
        assertEquals(new BigDecimal("189.53"), fill.price());
        assertEquals("td-42", fill.orderRef());
        OrderStatus filled = listener.await(OrderStatus.class, s -> s.status().equals("Filled"));
        assertEquals(new BigDecimal("100"), filled.filled());
        CommissionReport commission = listener.await(CommissionReport.class);
        assertEquals(fill.execId(), commission.execId());
        assertEquals(new BigDecimal("1.0"), commission.commission());
        connection.send(OrderRequests.cancelOrder(serverVersion, 101));
        assertEquals(
                "Cancelled",
                listener.await(OrderStatus.class, s -> s.status().equals("Cancelled")).status());
        connection.send(SessionRequests.reqNewsBulletins(serverVersion, true));
        assertEquals("NYSE", listener.await(NewsBulletin.class).originExchange());
    }

    @Test
    void badMessagesFromTheWireAreSkippedAndTheSessionGoesOn() throws Exception {
        connect(178);
        ServerMessages m = new ServerMessages(178);
        server.send(m.tickPrice(1, 1, "not-a-price", "100", 0));
        server.send(List.of("1", "6", "1"));
        server.send(List.of("77777", "1", "whatever"));
        server.send(List.of("2", "6", "1", "0", "5", "surplus"));
        server.send(m.tickPrice(1, 1, "101.25", "100", 0));
        TickPrice good = listener.await(TickPrice.class);
        assertEquals(new BigDecimal("101.25"), good.price());
        assertTrue(connection.isReady());
    }

    @Test
    void absurdLengthBreaksTheConnectionInsteadOfMisreading() throws Exception {
        connect(178);
        try {
            server.sendRaw(new byte[] {0x7F, 0x00, 0x00, 0x00, 1, 2, 3});
        } catch (java.io.IOException hungUp) {
            // the client may drop the connection as soon as it has read the length, before the rest
            // arrives
        }
        assertTrue(listener.awaitDisconnect().startsWith("Protocol error"));
    }

    @Test
    void reconnectorFindsTwsAgainAfterADrop() throws Exception {
        connect(178);
        server.dropConnection();
        listener.awaitDisconnect();
        List<Duration> waits = new ArrayList<>();
        AtomicReference<TwsConnection> next = new AtomicReference<>();
        int[] attempts = {0};
        Reconnector reconnector =
                new Reconnector(
                        new ReconnectPolicy(
                                Duration.ofMillis(10), Duration.ofMillis(80), 0.5, () -> 0.5),
                        waits::add);
        int failures =
                reconnector.connect(
                        () -> {
                            if (++attempts[0] <= 2) {
                                throw new IOException("TWS restarting");
                            }
                            TwsConnection fresh =
                                    new TwsConnection(
                                            "127.0.0.1",
                                            server.port(),
                                            3,
                                            Duration.ofSeconds(5),
                                            listener::onMessage,
                                            listener::onDisconnected);
                            fresh.connect();
                            next.set(fresh);
                        });
        assertEquals(2, failures);
        assertEquals(List.of(Duration.ofMillis(7), Duration.ofMillis(15)), waits);
        assertTrue(next.get().isReady());
        connection = next.get();
    }

    @Test
    void writesFromManyThreadsArriveWhole() throws Exception {
        connect(200);
        server.nextRequest(71);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int base = t * 1000;
            Thread writer =
                    new Thread(
                            () -> {
                                for (int i = 0; i < 25; i++) {
                                    try {
                                        connection.send(
                                                MarketDataRequests.cancelMktData(200, base + i));
                                    } catch (IOException e) {
                                        throw new IllegalStateException(e);
                                    }
                                }
                            });
            writer.start();
            threads.add(writer);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<String> request = server.nextRequest();
            assertEquals(List.of("2", "1"), request.subList(0, 2));
            ids.add(request.get(2));
        }
        assertEquals(200, ids.size());
    }
}
