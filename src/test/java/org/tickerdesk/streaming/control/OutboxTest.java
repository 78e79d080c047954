package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tickerdesk.streaming.entity.Closing;

class OutboxTest {

    private static final String SLOW = "{\"type\":\"error\",\"code\":\"slow_consumer\"}";

    private final AtomicInteger closedCallbacks = new AtomicInteger();

    private Outbox outbox(Sender sender, int maxMessages, long maxChars) {
        return new Outbox(
                sender,
                new Outbox.Limits(maxMessages, maxChars, 60_000),
                SLOW,
                closedCallbacks::incrementAndGet,
                Runnable::run);
    }

    @Test
    void sendsOneMessageAtATimeInOrder() {
        FakeClient socket = new FakeClient().stall();
        Outbox outbox = outbox(socket.sender(), 10, 1_000);

        outbox.offer("{\"n\":1}");
        outbox.offer("{\"n\":2}");
        outbox.offer("{\"n\":3}");

        assertEquals(1, socket.messages().size(), "only the first is in flight");
        assertEquals(2, outbox.pendingCount());
        socket.release();
        assertEquals(2, socket.messages().size());
        socket.release();
        socket.release();
        assertEquals(List.of(1, 2, 3), socket.messages().stream().map(m -> m.getInt("n")).toList());
        assertEquals(0, outbox.pendingCount());
    }

    @Test
    void theOfferingThreadOnlyQueuesTheWriterSends() {
        List<Runnable> writer = new ArrayList<>();
        FakeClient socket = new FakeClient();
        Outbox outbox =
                new Outbox(
                        socket.sender(),
                        new Outbox.Limits(10, 1_000, 60_000),
                        SLOW,
                        closedCallbacks::incrementAndGet,
                        writer::add);

        outbox.offer("{\"n\":1}");
        outbox.offer("{\"n\":2}");

        assertTrue(socket.messages().isEmpty(), "nothing is written on the offering thread");
        assertEquals(1, writer.size(), "one drain is queued, however many messages wait");
        writer.remove(0).run();
        assertEquals(List.of(1, 2), socket.messages().stream().map(m -> m.getInt("n")).toList());
    }

    @Test
    void sendsThatCompleteInsideSendDoNotRecurse() {
        List<String> sent = new ArrayList<>();
        Outbox[] box = new Outbox[1];
        boolean[] first = {true};
        Sender completesAtOnce =
                new Sender(
                        (text, done) -> {
                            sent.add(text);
                            if (first[0]) {
                                first[0] = false;
                                // while the first send is in flight, a backlog builds up
                                for (int i = 0; i < 50_000; i++) {
                                    box[0].offer("m");
                                }
                            }
                            done.accept(null);
                        },
                        reason -> {});
        box[0] = outbox(completesAtOnce, 100_000, 1_000_000);

        box[0].offer("first");

        assertEquals(50_001, sent.size(), "a recursing pump would have overflowed the stack");
    }

    @Test
    void aClientThatFallsBehindGetsOneSlowConsumerErrorAndIsClosed() {
        FakeClient socket = new FakeClient().stall();
        Outbox outbox = outbox(socket.sender(), 3, 1_000);

        for (int i = 0; i < 10; i++) {
            outbox.offer("{\"n\":" + i + "}");
        }

        assertEquals(1, outbox.pendingCount(), "the backlog is dropped; only the error waits");
        socket.release();
        assertEquals(SLOW, socket.messages().get(1).toString());
        assertNull(socket.closedWith(), "closed only once the error has gone");
        socket.release();
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), socket.closedWith().code());
        assertEquals("slow_consumer", socket.closedWith().reason());
        assertTrue(outbox.isClosed());
        assertEquals(1, closedCallbacks.get());
        assertEquals(2, socket.messages().size());
    }

    @Test
    void theCharacterLimitCountsToo() {
        FakeClient socket = new FakeClient().stall();
        Outbox outbox = outbox(socket.sender(), 1_000, 20);

        outbox.offer("{\"n\":\"in flight\"}");
        outbox.offer("{\"n\":\"0123456\"}");
        assertEquals(1, outbox.pendingCount());
        outbox.offer("{\"n\":\"x\"}");

        socket.release();
        assertEquals(SLOW, socket.messages().get(1).toString());
    }

    @Test
    void aFailedSendClosesTheConnection() {
        AtomicReference<Closing> closed = new AtomicReference<>();
        Sender failing =
                new Sender(
                        (text, done) -> {
                            done.accept(new IOException("broken pipe"));
                        },
                        reason -> {
                            closed.set(reason);
                        });
        Outbox outbox = outbox(failing, 10, 1_000);

        outbox.offer("{}");
        outbox.offer("{}");

        assertTrue(outbox.isClosed());
        assertEquals(Outbox.SEND_FAILED, closed.get());
        assertEquals(1, closedCallbacks.get());
    }

    @Test
    void aSendThatThrowsClosesTheConnection() {
        Outbox outbox =
                outbox(
                        new Sender(
                                (text, done) -> {
                                    throw new IllegalStateException("session closed");
                                },
                                reason -> {}),
                        10,
                        1_000);

        outbox.offer("{}");

        assertTrue(outbox.isClosed());
    }

    @Test
    void nothingIsSentAfterCloseAndClosingTwiceIsHarmless() {
        FakeClient socket = new FakeClient();
        Outbox outbox = outbox(socket.sender(), 10, 1_000);

        outbox.close(null);
        outbox.close(null);
        outbox.offer("{}");

        assertTrue(socket.messages().isEmpty());
        assertNull(socket.closedWith(), "the socket was already gone: nothing to close");
        assertEquals(1, closedCallbacks.get());
    }

    @Test
    void aClientWhoseOldestMessageWaitedTooLongGetsTheErrorInsteadOfMoreAndIsClosed() {
        long[] now = {0};
        FakeClient socket = new FakeClient().stall();
        Outbox outbox =
                new Outbox(
                        socket.sender(),
                        new Outbox.Limits(100, 1_000_000, 5_000),
                        SLOW,
                        closedCallbacks::incrementAndGet,
                        Runnable::run,
                        () -> now[0]);
        outbox.offer("{\"n\":1}");
        outbox.offer("{\"n\":2}");

        now[0] = 4_999_000_000L;
        outbox.offer("{\"n\":3}");
        assertEquals(2, outbox.pendingCount(), "4.999 s is within the limit");

        now[0] = 5_001_000_000L;
        outbox.offer("{\"n\":4}");
        assertEquals(1, outbox.pendingCount(), "only the error waits now");
        socket.release();
        socket.release();
        assertEquals(
                List.of("{\"n\":1}", SLOW),
                socket.messages().stream().map(Object::toString).toList());
        assertTrue(outbox.isClosed());
        assertEquals(1, closedCallbacks.get());
    }

    @Test
    void aClientThatStoppedReadingIsClosedByTheSweepEvenWhenNothingNewComes() {
        long[] now = {0};
        FakeClient socket = new FakeClient().stall();
        Outbox outbox =
                new Outbox(
                        socket.sender(),
                        new Outbox.Limits(100, 1_000_000, 5_000),
                        SLOW,
                        closedCallbacks::incrementAndGet,
                        Runnable::run,
                        () -> now[0]);
        outbox.offer("{\"n\":1}");

        now[0] = 4_000_000_000L;
        outbox.expire();
        assertFalse(outbox.isClosed(), "4 s is within the limit");

        now[0] = 6_000_000_000L;
        outbox.expire();
        assertFalse(outbox.isClosed(), "the error now waits behind the stalled send");
        assertEquals(1, outbox.pendingCount());

        now[0] = 10_001_000_000L;
        outbox.expire();
        assertTrue(outbox.isClosed(), "its socket took nothing for twice the limit");
        assertEquals(1, closedCallbacks.get());
    }

    @Test
    void aDrainSendsOneTurnAndThenLetsTheWriterServeOtherClients() {
        List<Runnable> writer = new ArrayList<>();
        FakeClient socket = new FakeClient();
        Outbox outbox =
                new Outbox(
                        socket.sender(),
                        new Outbox.Limits(1_000, 1_000_000, 60_000),
                        SLOW,
                        closedCallbacks::incrementAndGet,
                        writer::add);
        for (int n = 1; n <= 100; n++) {
            outbox.offer("{\"n\":" + n + "}");
        }

        writer.remove(0).run();
        assertEquals(64, socket.messages().size(), "one turn");
        assertEquals(1, writer.size(), "the rest waits for the writer's next turn");
        writer.remove(0).run();
        assertEquals(100, socket.messages().size());
        assertEquals(100, socket.messages().get(99).getInt("n"), "in order");
    }

    @Test
    void whatWaitsGoesAsOneBatchWhileTheSendBeforeIsInFlight() {
        List<List<String>> batches = new ArrayList<>();
        List<java.util.function.Consumer<Throwable>> inFlight = new ArrayList<>();
        Outbox outbox =
                outbox(
                        Sender.batching(
                                (texts, done) -> {
                                    batches.add(texts);
                                    inFlight.add(done);
                                },
                                reason -> {}),
                        100,
                        1_000_000);

        outbox.offer("a");
        outbox.offer("b");
        outbox.offer("c");
        inFlight.remove(0).accept(null);

        assertEquals(List.of(List.of("a"), List.of("b", "c")), batches);
    }

    @Test
    void aBatchHoldsAtMost64KiBOfTextUnlessItsFirstMessageAloneIsLonger() {
        List<List<String>> batches = new ArrayList<>();
        List<Runnable> writer = new ArrayList<>();
        Outbox outbox =
                new Outbox(
                        Sender.batching(
                                (texts, done) -> {
                                    batches.add(texts);
                                    done.accept(null);
                                },
                                reason -> {}),
                        new Outbox.Limits(1_000, 1_000_000, 60_000),
                        SLOW,
                        closedCallbacks::incrementAndGet,
                        writer::add);
        String large = "x".repeat(40 * 1024);
        String huge = "y".repeat(100 * 1024);
        outbox.offer(large);
        outbox.offer(large);
        outbox.offer(huge);
        outbox.offer("z");

        while (!writer.isEmpty()) {
            writer.remove(0).run();
        }

        assertEquals(
                List.of(List.of(large), List.of(large), List.of(huge), List.of("z")),
                batches,
                "40 + 40 KiB pass 64 KiB; 100 KiB goes alone; what follows it goes next turn");
    }
}
