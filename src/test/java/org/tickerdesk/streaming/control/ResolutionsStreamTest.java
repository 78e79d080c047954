package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.resolution.entity.Outcome;
import org.tickerdesk.resolution.entity.ResolutionChanged;
import org.tickerdesk.resolution.entity.ResolutionOverview;
import org.tickerdesk.resolution.entity.ResolutionRun;
import org.tickerdesk.resolution.entity.ResolutionRunFinished;
import org.tickerdesk.resolution.entity.ResolutionSnapshot;
import org.tickerdesk.resolution.entity.ResolutionState;

/**
 * The private {@code resolutions} stream: who may have it and what a change and a run look like.
 */
class ResolutionsStreamTest {

    private static final Instant AT = Instant.parse("2026-11-30T15:00:00Z");

    private final Fixtures fixtures = new Fixtures();

    private void subscribe(ClientConnection client) {
        fixtures.hub.receive(
                client,
                Json.createObjectBuilder()
                        .add("op", "subscribe")
                        .add("id", 1)
                        .add("streams", Json.createArrayBuilder(List.of("resolutions")))
                        .build()
                        .toString());
    }

    @Test
    void anAnonymousClientIsRefusedResolutions() {
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connect(socket));

        JsonObject rejected = socket.last().getJsonArray("rejected").getJsonObject(0);
        assertEquals("resolutions", rejected.getString("stream"));
        assertEquals("unauthorized", rejected.getString("code"));
    }

    @Test
    void aResolutionAndARunReachASignedInSubscriber() {
        FakeClient socket = new FakeClient();
        subscribe(fixtures.connectAs("admin", socket));
        ResolutionOverview resolved =
                new ResolutionOverview(
                        "CPI3-202612",
                        InstrumentKind.EVENT,
                        LocalDate.of(2026, 12, 15),
                        "CPI above 3%",
                        new ResolutionSnapshot(
                                "CPI3-202612",
                                ResolutionState.RESOLVED,
                                BigDecimal.ONE,
                                Outcome.YES,
                                "manual",
                                "Entered by admin over the API",
                                AT,
                                2,
                                AT,
                                null));

        fixtures.hub.onResolutionChanged(new ResolutionChanged(resolved));

        JsonObject message = socket.last();
        assertEquals("resolution", message.getString("type"));
        assertEquals("resolutions", message.getString("stream"));
        assertEquals(1, message.getInt("offset"));
        JsonObject data = message.getJsonObject("data");
        assertEquals("CPI3-202612", data.getString("symbol"));
        assertEquals("event", data.getString("kind"));
        assertEquals("RESOLVED", data.getString("state"));
        assertEquals("YES", data.getString("outcome"));
        assertEquals(1, data.getInt("settlementPrice"));
        assertEquals(2, data.getInt("positionsSettled"));

        fixtures.hub.onResolutionRun(
                new ResolutionRunFinished(
                        new ResolutionRun(3, 1, 2, 2, List.of("ESZ5: TWS is not connected")), AT));

        JsonObject run = socket.last();
        assertEquals("run", run.getString("type"));
        assertEquals(2, run.getInt("offset"));
        assertEquals(
                "Asked about 3 instrument(s): 1 resolved, 2 awaiting, 2 position(s) settled;"
                        + " failed: ESZ5: TWS is not connected",
                run.getJsonObject("data").getString("summary"));
        assertEquals("2026-11-30T15:00:00Z", run.getJsonObject("data").getString("finishedAt"));
    }
}
