package org.tickerdesk.ibkr.session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/** Keeps what a connection delivers so tests can wait for a given message. */
final class RecordingListener {

    final BlockingQueue<IncomingMessage> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<String> disconnects = new LinkedBlockingQueue<>();

    void onMessage(IncomingMessage message) {
        messages.add(message);
    }

    void onDisconnected(String reason) {
        disconnects.add(reason);
    }

    <T extends IncomingMessage> T await(Class<T> type) throws InterruptedException {
        return await(type, m -> true);
    }

    <T extends IncomingMessage> T await(Class<T> type, Predicate<T> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            IncomingMessage message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(message) && condition.test(type.cast(message))) {
                return type.cast(message);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " within 5 s");
    }

    String awaitDisconnect() throws InterruptedException {
        String reason = disconnects.poll(5, TimeUnit.SECONDS);
        if (reason == null) {
            throw new AssertionError("No disconnect within 5 s");
        }
        return reason;
    }
}
