package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A socket that sends one message at a time is handed a batch message by message, in order. */
class SenderTest {

    private final List<String> sent = new ArrayList<>();
    private final List<Consumer<Throwable>> inFlight = new ArrayList<>();
    private final List<Throwable> outcomes = new ArrayList<>();

    @Test
    void eachMessageWaitsForTheOneBeforeToHaveGone() {
        Sender sender = new Sender(this::holdEach, reason -> {});

        sender.send(List.of("a", "b", "c"), outcomes::add);

        assertEquals(List.of("a"), sent);
        inFlight.remove(0).accept(null);
        assertEquals(List.of("a", "b"), sent);
        inFlight.remove(0).accept(null);
        assertEquals(List.of(), outcomes, "not done before the last has gone");
        inFlight.remove(0).accept(null);
        assertEquals(List.of("a", "b", "c"), sent);
        assertEquals(Collections.singletonList(null), outcomes, "done once, without a failure");
    }

    @Test
    void aLongBatchOverASocketThatCompletesAtOnceNeedsNoDeepStack() {
        Sender sender =
                new Sender(
                        (text, done) -> {
                            sent.add(text);
                            done.accept(null);
                        },
                        reason -> {});
        List<String> batch = Collections.nCopies(200_000, "m");

        sender.send(batch, outcomes::add);

        assertEquals(200_000, sent.size());
        assertEquals(1, outcomes.size());
        assertNull(outcomes.get(0));
    }

    @Test
    void aFailedMessageEndsTheBatchWithItsFailure() {
        IOException broken = new IOException("broken pipe");
        Sender sender = new Sender(this::holdEach, reason -> {});

        sender.send(List.of("a", "b", "c"), outcomes::add);
        inFlight.remove(0).accept(null);
        inFlight.remove(0).accept(broken);

        assertEquals(List.of("a", "b"), sent, "nothing after the failed one");
        assertEquals(1, outcomes.size());
        assertSame(broken, outcomes.get(0));
    }

    @Test
    void aSendThatThrowsEndsTheBatchWithWhatItThrew() {
        IllegalStateException closed = new IllegalStateException("session closed");
        Sender sender =
                new Sender(
                        (text, done) -> {
                            throw closed;
                        },
                        reason -> {});

        sender.send(List.of("a", "b"), outcomes::add);

        assertEquals(List.of(closed), outcomes);
    }

    @Test
    void aBatchingSocketIsHandedTheWholeBatch() {
        List<List<String>> batches = new ArrayList<>();
        Sender sender =
                Sender.batching(
                        (texts, done) -> {
                            batches.add(texts);
                            done.accept(null);
                        },
                        reason -> {});

        sender.send(List.of("a", "b"), outcomes::add);

        assertEquals(List.of(List.of("a", "b")), batches);
        assertEquals(Collections.singletonList(null), outcomes);
    }

    private void holdEach(String text, Consumer<Throwable> done) {
        sent.add(text);
        inFlight.add(done);
    }
}
