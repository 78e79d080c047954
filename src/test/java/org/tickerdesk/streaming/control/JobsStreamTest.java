package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.testing.SampleJobs.at;
import static org.tickerdesk.testing.SampleJobs.running;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.control.JobJson;
import org.tickerdesk.history.entity.JobChanged;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;

/**
 * The private {@code jobs} stream: who may have it, what a collection's change looks like on the
 * wire, and what a snapshot shows.
 */
class JobsStreamTest {

    private final Fixtures fixtures = new Fixtures();

    private FakeClient signedIn(String... streams) {
        FakeClient socket = new FakeClient();
        subscribe(fixtures.connectAs("admin", socket), false, streams);
        return socket;
    }

    private void subscribe(ClientConnection client, boolean snapshot, String... streams) {
        fixtures.hub.receive(
                client,
                Json.createObjectBuilder()
                        .add("op", "subscribe")
                        .add("id", 1)
                        .add("streams", Json.createArrayBuilder(List.of(streams)))
                        .add("snapshot", snapshot)
                        .build()
                        .toString());
    }

    private void changed(JobSnapshot job) {
        fixtures.hub.onJobChanged(new JobChanged(job));
    }

    @Test
    void anAnonymousClientIsRefusedJobsAsUnauthorizedAndKeepsItsPublicStreams() {
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connect(socket), false, "quotes:AAPL", "jobs");

        JsonObject ack = socket.last();
        assertEquals(List.of("quotes:AAPL"), strings(ack, "subscribed"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("stream", "jobs")
                        .add("code", "unauthorized")
                        .add(
                                "message",
                                "jobs is private: connect with Authorization: Bearer <token>, or"
                                        + " from a page of the signed-in admin")
                        .build(),
                ack.getJsonArray("rejected").getJsonObject(0));
    }

    @Test
    void anAuthenticatedClientHasJobs() {
        FakeClient socket = signedIn("jobs");

        assertEquals(List.of("jobs"), strings(socket.last(), "subscribed"));
        assertTrue(socket.last().getJsonArray("rejected").isEmpty());
    }

    @Test
    void aChangeReachesEverySubscriberAsAJobMessageWrittenLikeAQuote() {
        FakeClient one = signedIn("jobs");
        FakeClient two = signedIn("jobs");
        FakeClient quotesOnly = signedIn("quotes:AAPL");
        one.clear();
        two.clear();
        quotesOnly.clear();
        JobSnapshot job = running(7);

        changed(job);

        JsonObject expected =
                Json.createObjectBuilder()
                        .add("type", "job")
                        .add("stream", "jobs")
                        .add("data", JobJson.of(job))
                        .add("epoch", Fixtures.EPOCH)
                        .add("offset", 1)
                        .add("ts", new BigDecimal("1763649012000"))
                        .build();
        assertEquals(List.of(expected), one.messages());
        assertEquals(List.of(expected), two.messages());
        assertTrue(quotesOnly.messages().isEmpty());
    }

    @Test
    void offsetsCountTheStreamsMessagesFromOne() {
        FakeClient socket = signedIn("jobs");
        socket.clear();

        changed(running(7));
        changed(running(8));
        changed(at(running(7), JobStatus.STARTED, 40, 20));

        assertEquals(
                List.of("7 1", "8 2", "7 3"),
                socket.messages().stream()
                        .map(m -> m.getJsonObject("data").getInt("id") + " " + m.getInt("offset"))
                        .toList());
    }

    @Test
    void aStateOlderThanOnePublishedIsDroppedSoACollectionNeverGoesBack() {
        FakeClient socket = signedIn("jobs");
        socket.clear();

        changed(at(running(7), JobStatus.COMPLETED, 60, 40));
        changed(at(running(7), JobStatus.STARTED, 58, 39));
        changed(at(running(7), JobStatus.COMPLETED, 60, 40));

        assertEquals(List.of("job 7 COMPLETED 1", "job 7 COMPLETED 2"), describe(socket));
    }

    @Test
    void anUnsubscribedOrGoneClientGetsNoMoreChanges() {
        FakeClient leaving = new FakeClient();
        ClientConnection client = fixtures.connectAs("admin", leaving);
        subscribe(client, false, "jobs");
        FakeClient gone = new FakeClient();
        ClientConnection disconnected = fixtures.connectAs("api-admin", gone);
        subscribe(disconnected, false, "jobs");

        fixtures.hub.receive(client, "{\"op\":\"unsubscribe\",\"streams\":[\"jobs\"]}");
        fixtures.hub.disconnect(disconnected);
        leaving.clear();
        gone.clear();
        changed(running(7));

        assertTrue(leaving.messages().isEmpty());
        assertTrue(gone.messages().isEmpty());
    }

    @Test
    void aSnapshotFollowsTheAckWithEveryRunningCollectionAtTheLastOffset() {
        fixtures.storedJobs.add(running(3));
        fixtures.storedJobs.add(at(running(4), JobStatus.STOPPING, 10, 15));
        fixtures.storedJobs.add(at(running(5), JobStatus.COMPLETED, 60, 30));
        changed(at(running(9), JobStatus.COMPLETED, 60, 50));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "jobs");
        changed(at(running(3), JobStatus.STARTED, 45, 20));

        assertEquals(
                List.of("ack", "snapshot 3 STARTED 1", "snapshot 4 STOPPING 1", "job 3 STARTED 2"),
                describe(socket));
    }

    @Test
    void aSnapshotShowsTheNewerOfTheStoredAndThePublishedStates() {
        fixtures.storedJobs.add(running(3));
        fixtures.storedJobs.add(running(4));
        changed(at(running(3), JobStatus.COMPLETED, 60, 40));
        changed(at(running(4), JobStatus.STARTED, 5, 2));
        changed(running(6));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "jobs");

        assertEquals(
                List.of(
                        "ack",
                        "snapshot 3 COMPLETED 3",
                        "snapshot 4 STARTED 3",
                        "snapshot 6 STARTED 3"),
                describe(socket),
                "3 ended after it was stored, 4's stored state is newer, 6 started since");
        assertEquals(30, socket.messages().get(2).getJsonObject("data").getInt("windowsDone"));
    }

    @Test
    void whenTheStoredCollectionsCannotBeReadTheSubscriptionStandsOnWhatWasPublished() {
        fixtures.jobsFail = new IllegalStateException("the database is gone");
        changed(running(6));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket), true, "jobs");
        changed(at(running(6), JobStatus.COMPLETED, 60, 30));

        assertEquals(List.of("ack", "snapshot 6 STARTED 1", "job 6 COMPLETED 2"), describe(socket));
    }

    @Test
    void publishingOnlyQueuesTheWritingIsTheWritersJob() {
        List<Runnable> writes = new ArrayList<>();
        Fixtures queued = new Fixtures(new Outbox.Limits(100, 1_000_000, 60_000), writes::add);
        FakeClient socket = new FakeClient();
        queued.hub.receive(
                queued.connectAs("admin", socket), "{\"op\":\"subscribe\",\"streams\":[\"jobs\"]}");
        runAll(writes);
        socket.clear();

        queued.hub.onJobChanged(new JobChanged(running(7)));

        assertTrue(socket.messages().isEmpty(), "nothing is written on the thread that fired it");
        runAll(writes);
        assertEquals("job", socket.last().getString("type"));
    }

    private static void runAll(List<Runnable> writes) {
        while (!writes.isEmpty()) {
            writes.remove(0).run();
        }
    }

    private static List<String> describe(FakeClient socket) {
        return socket.messages().stream()
                .map(
                        m ->
                                m.getString("type").equals("ack")
                                        ? "ack"
                                        : m.getString("type")
                                                + " "
                                                + m.getJsonObject("data").getInt("id")
                                                + " "
                                                + m.getJsonObject("data").getString("status")
                                                + " "
                                                + m.getInt("offset"))
                .toList();
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
