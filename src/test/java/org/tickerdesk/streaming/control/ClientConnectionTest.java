package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.streaming.entity.Closing;
import org.tickerdesk.streaming.entity.RequestRate;

/** A connection told to close sends its last words, nothing after them, and then closes. */
class ClientConnectionTest {

    private final List<List<String>> batches = new ArrayList<>();
    private final List<Closing> closes = new ArrayList<>();
    private final List<Runnable> writer = new ArrayList<>();

    private final ClientConnection client =
            new ClientConnection(
                    null,
                    null,
                    Sender.batching(
                            (texts, done) -> {
                                batches.add(List.copyOf(texts));
                                done.accept(null);
                            },
                            closes::add),
                    new Outbox.Limits(100, 1_000_000, 60_000),
                    new RequestThrottle(new RequestRate(10, 10), Clock.systemUTC()),
                    closed -> {},
                    writer::add);

    @Test
    void messagesQueuedBehindTheLastWordsInOneBatchAreNotSent() {
        client.send("a");
        client.closeAfter("bye", Closing.TOO_MANY_CONNECTIONS);
        client.send("c");

        writer.remove(0).run();

        assertEquals(List.of(List.of("a", "bye")), batches);
        assertEquals(List.of(Closing.TOO_MANY_CONNECTIONS), closes);
        assertEquals(false, client.isOpen());
        assertEquals(List.of(), writer, "nothing more to send");
    }

    @Test
    void anEqualMessageFromBeforeIsNotTakenForTheLastWords() {
        String earlier = new String("bye");
        client.send(earlier);
        client.closeAfter("bye", Closing.TOO_MANY_CONNECTIONS);

        writer.remove(0).run();

        assertEquals(List.of(List.of("bye", "bye")), batches);
        assertEquals(List.of(Closing.TOO_MANY_CONNECTIONS), closes);
    }
}
