package org.tickerdesk.streaming.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tickerdesk.streaming.entity.Closing;

/**
 * A client socket for tests: records every message it is sent, parsed back with JSON-P. It takes
 * each message at once, unless told to stall, in which case sends stay in flight until released.
 */
final class FakeClient {

    /** {@code Json.createReader} would look the provider up for every message parsed. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final List<String> sent = new ArrayList<>();
    private final Deque<Consumer<Throwable>> inFlight = new ArrayDeque<>();
    private boolean stalling;
    private Closing closedWith;

    /** What the outbox sends through: this socket. */
    Sender sender() {
        return new Sender(this::send, this::close);
    }

    private synchronized void send(String text, Consumer<Throwable> done) {
        sent.add(text);
        if (stalling) {
            inFlight.add(done);
            return;
        }
        done.accept(null);
    }

    private synchronized void close(Closing reason) {
        closedWith = reason;
    }

    synchronized FakeClient stall() {
        stalling = true;
        return this;
    }

    /** Completes the oldest send in flight, as the network would. */
    void release() {
        Consumer<Throwable> done;
        synchronized (this) {
            done = inFlight.poll();
        }
        if (done != null) {
            done.accept(null);
        }
    }

    synchronized Closing closedWith() {
        return closedWith;
    }

    synchronized List<JsonObject> messages() {
        return sent.stream().map(FakeClient::parse).toList();
    }

    List<JsonObject> messages(String type) {
        return messages().stream().filter(m -> m.getString("type").equals(type)).toList();
    }

    JsonObject last() {
        List<JsonObject> messages = messages();
        return messages.get(messages.size() - 1);
    }

    synchronized void clear() {
        sent.clear();
    }

    static JsonObject parse(String json) {
        try (var reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
