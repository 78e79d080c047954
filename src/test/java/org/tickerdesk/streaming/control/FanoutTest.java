package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.streaming.control.Fixtures.quote;

import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which clients a quote reaches, numbered how, and what a client that cannot keep up gets. */
class FanoutTest {

    private final Fixtures fixtures = new Fixtures();

    private FakeClient subscribed(String... streams) {
        FakeClient socket = new FakeClient();
        ClientConnection client = fixtures.connect(socket);
        fixtures.hub.receive(
                client,
                "{\"op\":\"subscribe\",\"streams\":[\"" + String.join("\",\"", streams) + "\"]}");
        socket.clear();
        return socket;
    }

    @Test
    void aQuoteReachesTheClientsOfItsSymbolOnly() {
        FakeClient apple = subscribed("quotes:AAPL");
        FakeClient microsoft = subscribed("quotes:MSFT");

        fixtures.hub.onQuote(quote("AAPL", 189.5));

        JsonObject message = apple.last();
        assertEquals("quote", message.getString("type"));
        assertEquals("quotes:AAPL", message.getString("stream"));
        assertEquals(Fixtures.EPOCH, message.getString("epoch"));
        assertEquals(1, message.getInt("offset"));
        assertEquals(189.5, message.getJsonObject("data").getJsonNumber("last").doubleValue());
        assertTrue(microsoft.messages().isEmpty());
    }

    @Test
    void everyClientGetsTheSameTextWrittenOnce() {
        List<String> texts = new ArrayList<>();
        Sender recording =
                new Sender(
                        (text, done) -> {
                            texts.add(text);
                            done.accept(null);
                        },
                        reason -> {});
        for (int i = 0; i < 3; i++) {
            fixtures.hub.receive(
                    fixtures.connect(recording),
                    "{\"op\":\"subscribe\",\"streams\":[\"quotes:AAPL\"]}");
        }
        texts.clear();

        fixtures.hub.onQuote(quote("AAPL", 189.5));

        assertEquals(3, texts.size());
        assertSame(texts.get(0), texts.get(1));
        assertSame(texts.get(1), texts.get(2));
    }

    @Test
    void aWildcardClientGetsEverySymbolUnderItsConcreteStreamName() {
        FakeClient everything = subscribed("quotes:*");

        fixtures.hub.onQuote(quote("AAPL", 189.5));
        fixtures.hub.onQuote(quote("MSFT", 370.1));
        fixtures.hub.onQuote(quote("BRK.B", 412.6));

        assertEquals(
                List.of("quotes:AAPL", "quotes:MSFT", "quotes:BRK.B"),
                everything.messages().stream().map(m -> m.getString("stream")).toList());
    }

    @Test
    void aClientSubscribedByNameAndByWildcardGetsEachMessageOnce() {
        FakeClient both = subscribed("quotes:AAPL", "quotes:*");

        fixtures.hub.onQuote(quote("AAPL", 189.5));

        assertEquals(1, both.messages().size());
    }

    @Test
    void offsetsCountPerStreamFromOne() {
        FakeClient everything = subscribed("quotes:*");

        for (String symbol : List.of("AAPL", "AAPL", "MSFT", "AAPL", "MSFT")) {
            fixtures.hub.onQuote(quote(symbol, 100));
        }

        assertEquals(
                List.of(
                        "quotes:AAPL 1",
                        "quotes:AAPL 2",
                        "quotes:MSFT 1",
                        "quotes:AAPL 3",
                        "quotes:MSFT 2"),
                everything.messages().stream()
                        .map(m -> m.getString("stream") + " " + m.getInt("offset"))
                        .toList());
    }

    @Test
    void offsetsStrictlyIncreasePerStreamWhenSeveralThreadsPublish() throws InterruptedException {
        FakeClient everything = subscribed("quotes:*");
        FakeClient apple = subscribed("quotes:AAPL");
        int threads = 4;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.execute(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        for (int i = 0; i < perThread; i++) {
                            fixtures.hub.onQuote(quote(i % 2 == 0 ? "AAPL" : "MSFT", 100 + i));
                        }
                    });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(threads * perThread, everything.messages().size());
        assertStrictlyIncreasingFromOne(everything.messages());
        assertEquals(threads * perThread / 2, apple.messages().size());
        assertStrictlyIncreasingFromOne(apple.messages());
    }

    private static void assertStrictlyIncreasingFromOne(List<JsonObject> messages) {
        Map<String, Integer> last = new HashMap<>();
        for (JsonObject message : messages) {
            int offset = message.getInt("offset");
            int previous = last.getOrDefault(message.getString("stream"), 0);
            assertEquals(previous + 1, offset, message.getString("stream"));
            last.put(message.getString("stream"), offset);
        }
    }

    @Test
    void afterUnsubscribeNothingMoreArrives() {
        FakeClient socket = new FakeClient();
        ClientConnection client = fixtures.connect(socket);
        fixtures.hub.receive(client, "{\"op\":\"subscribe\",\"streams\":[\"quotes:AAPL\"]}");
        fixtures.hub.receive(client, "{\"op\":\"unsubscribe\",\"streams\":[\"quotes:AAPL\"]}");
        socket.clear();

        fixtures.hub.onQuote(quote("AAPL", 189.5));

        assertTrue(socket.messages().isEmpty());
    }

    @Test
    void droppingTheWildcardKeepsTheStreamsSubscribedByName() {
        FakeClient socket = new FakeClient();
        ClientConnection client = fixtures.connect(socket);
        fixtures.hub.onQuote(quote("MSFT", 370));
        fixtures.hub.receive(
                client, "{\"op\":\"subscribe\",\"streams\":[\"quotes:*\",\"quotes:AAPL\"]}");
        fixtures.hub.receive(client, "{\"op\":\"unsubscribe\",\"streams\":[\"quotes:*\"]}");
        socket.clear();

        fixtures.hub.onQuote(quote("AAPL", 189.5));
        fixtures.hub.onQuote(quote("MSFT", 370.1));

        assertEquals(
                List.of("quotes:AAPL"),
                socket.messages().stream().map(m -> m.getString("stream")).toList());
    }

    @Test
    void droppingTheNameKeepsTheWildcard() {
        FakeClient socket = new FakeClient();
        ClientConnection client = fixtures.connect(socket);
        fixtures.hub.receive(
                client, "{\"op\":\"subscribe\",\"streams\":[\"quotes:*\",\"quotes:AAPL\"]}");
        fixtures.hub.receive(client, "{\"op\":\"unsubscribe\",\"streams\":[\"quotes:AAPL\"]}");
        socket.clear();

        fixtures.hub.onQuote(quote("AAPL", 189.5));

        assertEquals(1, socket.messages().size());
    }

    @Test
    void aSlowConsumerIsClosedWhileAFastClientKeepsReceiving() {
        Fixtures small = new Fixtures(new Outbox.Limits(5, 1_000_000, 60_000));
        FakeClient slowSocket = new FakeClient();
        ClientConnection slow = small.connect(slowSocket);
        small.hub.receive(slow, "{\"op\":\"subscribe\",\"streams\":[\"quotes:*\"]}");
        FakeClient fast = new FakeClient();
        small.hub.receive(
                small.connect(fast), "{\"op\":\"subscribe\",\"streams\":[\"quotes:AAPL\"]}");
        slowSocket.stall();
        fast.clear();

        for (int i = 0; i < 50; i++) {
            small.hub.onQuote(quote("AAPL", 100 + i));
        }

        assertEquals(50, fast.messages().size(), "the stalled client held nobody up");
        assertEquals(
                2, small.hub.connectedClients(), "the slow one is closed once its error has gone");
        slowSocket.release();
        slowSocket.release();
        JsonObject error = slowSocket.last();
        assertEquals("error", error.getString("type"));
        assertEquals("slow_consumer", error.getString("code"));
        assertEquals(1, slowSocket.messages("error").size());
        assertEquals(
                CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), slowSocket.closedWith().code());
        assertEquals(1, small.hub.connectedClients());

        small.hub.onQuote(quote("AAPL", 200));

        assertEquals(51, fast.messages().size());
        assertEquals(51, fast.last().getInt("offset"));
    }

    @Test
    void connectedClientsCountsOpenConnections() {
        FakeClient socket = new FakeClient();
        ClientConnection one = fixtures.connect(socket);
        fixtures.connect(new FakeClient());
        assertEquals(2, fixtures.hub.connectedClients());

        fixtures.hub.receive(one, "{\"op\":\"subscribe\",\"streams\":[\"quotes:*\"]}");
        fixtures.hub.disconnect(one);
        fixtures.hub.disconnect(one);
        socket.clear();
        fixtures.hub.onQuote(quote("AAPL", 189.5));

        assertEquals(1, fixtures.hub.connectedClients());
        assertTrue(socket.messages().isEmpty(), "a gone client is sent nothing");
        assertNull(socket.closedWith(), "the container closed it already");
    }
}
