package org.tickerdesk.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.control.ChartJson;
import org.tickerdesk.copytrading.control.TradeJson;
import org.tickerdesk.copytrading.control.TraderJson;
import org.tickerdesk.copytrading.entity.Caps;
import org.tickerdesk.copytrading.entity.CurveChanged;
import org.tickerdesk.copytrading.entity.CurvePoint;
import org.tickerdesk.copytrading.entity.Filters;
import org.tickerdesk.copytrading.entity.IntakeChanged;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.PnlCurve;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.SkipReason;
import org.tickerdesk.copytrading.entity.TraderChange;
import org.tickerdesk.copytrading.entity.TraderChanged;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.Side;

/**
 * The private {@code traders} stream: who may have it, what a trader's change and a deletion look
 * like, a copied P&amp;L curve, and that a later subscriber's snapshot shows what was published.
 */
class TradersStreamTest {

    private final Fixtures fixtures = new Fixtures();

    private static TraderSnapshot trader(long id, boolean enabled, long version) {
        return new TraderSnapshot(
                id,
                new TraderSettings(
                        "Trader " + id,
                        "webhook",
                        enabled,
                        false,
                        new BigDecimal("10000"),
                        Sizing.ratio(new BigDecimal("0.5")),
                        Caps.NONE,
                        Filters.NONE,
                        true,
                        null,
                        ExitRules.NONE),
                Instant.parse("2026-11-30T10:00:00Z"),
                Instant.parse("2026-11-30T10:06:00Z"),
                version);
    }

    private void subscribe(ClientConnection client) {
        fixtures.hub.receive(
                client,
                Json.createObjectBuilder()
                        .add("op", "subscribe")
                        .add("id", 1)
                        .add("streams", Json.createArrayBuilder(List.of("traders")))
                        .add("snapshot", true)
                        .build()
                        .toString());
    }

    @Test
    void anAnonymousClientIsRefusedTraders() {
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connect(socket));

        JsonObject rejected = socket.last().getJsonArray("rejected").getJsonObject(0);
        assertEquals("traders", rejected.getString("stream"));
        assertEquals("unauthorized", rejected.getString("code"));
    }

    @Test
    void aToggleAndADeletionReachASignedInSubscriber() {
        FakeClient socket = new FakeClient();
        subscribe(fixtures.connectAs("admin", socket));
        TraderSnapshot off = trader(7, false, 4);

        fixtures.hub.onTraderChanged(new TraderChanged(7, TraderChange.TOGGLED, off));

        JsonObject message = socket.last();
        assertEquals("trader", message.getString("type"));
        assertEquals("traders", message.getString("stream"));
        assertEquals(1, message.getInt("offset"));
        assertEquals(
                Json.createObjectBuilder(TraderJson.write(off)).add("change", "TOGGLED").build(),
                message.getJsonObject("data"));

        fixtures.hub.onTraderChanged(new TraderChanged(7, TraderChange.DELETED, null));

        assertEquals(
                Json.createObjectBuilder().add("id", 7).add("change", "DELETED").build(),
                socket.last().getJsonObject("data"));
        assertEquals(2, socket.last().getInt("offset"));
    }

    @Test
    void anIntakeEntryReachesASignedInSubscriberAsTheApiShowsIt() {
        FakeClient socket = new FakeClient();
        subscribe(fixtures.connectAs("admin", socket));
        IntakeSnapshot skipped =
                new IntakeSnapshot(
                        42,
                        7,
                        "webhook",
                        new LeaderTrade(
                                "t-1",
                                "AAPL",
                                Side.BUY,
                                new BigDecimal("10"),
                                new BigDecimal("190.12"),
                                Instant.parse("2026-11-30T10:00:00Z"),
                                null),
                        Instant.parse("2026-11-30T10:00:00.210Z"),
                        IntakeStatus.SKIPPED,
                        SkipReason.OVER_TRADE_CAP,
                        "not one unit fits",
                        Instant.parse("2026-11-30T10:00:00.214Z"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);

        fixtures.hub.onIntakeChanged(new IntakeChanged(skipped));

        JsonObject message = socket.last();
        assertEquals("intake", message.getString("type"));
        assertEquals("traders", message.getString("stream"));
        assertEquals(TradeJson.write(skipped), message.getJsonObject("data"));
        assertEquals("OVER_TRADE_CAP", message.getJsonObject("data").getString("reason"));
    }

    @Test
    void aLaterSubscribersSnapshotHasWhatWasPublishedButNotTheDeleted() {
        fixtures.hub.onTraderChanged(
                new TraderChanged(3, TraderChange.CREATED, trader(3, true, 0)));
        fixtures.hub.onTraderChanged(
                new TraderChanged(3, TraderChange.TOGGLED, trader(3, false, 1)));
        fixtures.hub.onTraderChanged(
                new TraderChanged(5, TraderChange.CREATED, trader(5, true, 0)));
        fixtures.hub.onTraderChanged(new TraderChanged(5, TraderChange.DELETED, null));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket));

        List<JsonObject> snapshots = socket.messages("snapshot");
        assertEquals(1, snapshots.size(), snapshots.toString());
        assertEquals(TraderJson.write(trader(3, false, 1)), snapshots.get(0).getJsonObject("data"));
        assertEquals(4, snapshots.get(0).getInt("offset"));
    }

    private static PnlCurve curve(long trader, String... pnls) {
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        List<CurvePoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < pnls.length; i++) {
            points.add(new CurvePoint(t0.plusSeconds(60L * i), new BigDecimal(pnls[i])));
        }
        return new PnlCurve(trader, pnls.length - 1, points);
    }

    @Test
    void aCurveReachesASignedInSubscriberAsTheApiShowsIt() {
        FakeClient socket = new FakeClient();
        subscribe(fixtures.connectAs("admin", socket));
        PnlCurve curve = curve(7, "-0.2", "-0.2");

        fixtures.hub.onCurveChanged(new CurveChanged(curve));

        JsonObject message = socket.last();
        assertEquals("curve", message.getString("type"));
        assertEquals("traders", message.getString("stream"));
        assertEquals(ChartJson.write(curve), message.getJsonObject("data"));
        assertEquals(1, message.getInt("offset"));
    }

    @Test
    void aLaterSubscriberIsSentTheLatestCurveOfEachTraderStillFollowed() {
        fixtures.hub.onTraderChanged(
                new TraderChanged(3, TraderChange.CREATED, trader(3, true, 0)));
        fixtures.hub.onTraderChanged(
                new TraderChanged(5, TraderChange.CREATED, trader(5, true, 0)));
        fixtures.hub.onCurveChanged(new CurveChanged(curve(3, "1", "1")));
        fixtures.hub.onCurveChanged(new CurveChanged(curve(3, "1", "-2", "-2")));
        fixtures.hub.onCurveChanged(new CurveChanged(curve(5, "4", "4")));
        fixtures.hub.onTraderChanged(new TraderChanged(5, TraderChange.DELETED, null));
        FakeClient socket = new FakeClient();

        subscribe(fixtures.connectAs("admin", socket));

        List<JsonObject> curves = socket.messages("curve");
        assertEquals(1, curves.size(), curves.toString());
        assertEquals(
                ChartJson.write(curve(3, "1", "-2", "-2")), curves.get(0).getJsonObject("data"));
        assertEquals(6, curves.get(0).getInt("offset"));
    }
}
