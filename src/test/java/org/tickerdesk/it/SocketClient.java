package org.tickerdesk.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A WebSocket client for the integration tests: collects every JSON message it receives. */
public final class SocketClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    public SocketClient(String url) {
        this(url, Map.of());
    }

    /**
     * Connects with these headers on the handshake; fails with a {@link
     * java.util.concurrent.CompletionException} when the server refuses it.
     */
    public SocketClient(String url, Map<String, String> headers) {
        WebSocket.Builder builder =
                HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(URI.create(url), this).join();
    }

    /** Connects as a program with the bootstrap admin token does. */
    public static SocketClient withToken(String url) {
        return new SocketClient(
                url, Map.of("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN));
    }

    /** Subscribes to the private {@code jobs} stream and returns the ack. */
    public JsonObject subscribeToJobs(boolean snapshot) throws InterruptedException {
        send(
                "{\"op\":\"subscribe\",\"id\":\"jobs\",\"streams\":[\"jobs\"],\"snapshot\":"
                        + snapshot
                        + "}");
        return await(
                m -> "ack".equals(m.getString("type", "")) && "jobs".equals(m.getString("id", "")),
                Duration.ofSeconds(10));
    }

    /**
     * The next {@code job} message (a collection's change on the {@code jobs} stream) whose data
     * matches, e.g. {@code job -> job.getInt("id") == 7 && "COMPLETED".equals(job.getString(
     * "status"))}; returns its data.
     */
    public JsonObject awaitJob(Predicate<JsonObject> wanted, Duration patience)
            throws InterruptedException {
        return await(
                        m ->
                                "job".equals(m.getString("type", ""))
                                        && wanted.test(m.getJsonObject("data")),
                        patience)
                .getJsonObject("data");
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * Sends without waiting for it to have gone: a large frame the server refuses may never be
     * taken whole.
     */
    public void sendWithoutWaiting(String text) {
        socket.sendText(text, true);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The messages of this type received and not yet awaited, in order; waits for none. */
    public List<JsonObject> drain(String type) {
        List<JsonObject> all = new ArrayList<>();
        received.drainTo(all);
        return all.stream().filter(m -> type.equals(m.getString("type", ""))).toList();
    }

    /** The close code the server sent; fails if it sends none within the patience. */
    public int awaitClose(Duration patience) throws InterruptedException {
        try {
            return closed.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("not closed within " + patience, e);
        }
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
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
