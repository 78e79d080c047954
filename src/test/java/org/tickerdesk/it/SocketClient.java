package org.tickerdesk.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client for the integration tests: collects every JSON message it receives. */
public final class SocketClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    public SocketClient(String url) {
        this.socket =
                HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .buildAsync(URI.create(url), this)
                        .join();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message that matches, skipping others; fails after the patience runs out. */
    public JsonObject await(Predicate<JsonObject> wanted, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject next = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no matching message within " + patience);
            }
            if (wanted.test(next)) {
                return next;
            }
        }
    }

    public JsonObject awaitType(String type) throws InterruptedException {
        return await(m -> type.equals(m.getString("type", "")), Duration.ofSeconds(10));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(Json.createReader(new StringReader(partial.toString())).readObject());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
