package org.tickerdesk.resolution.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.tickerdesk.resolution.entity.InstrumentResolution;
import org.tickerdesk.resolution.entity.ResolutionOverview;
import org.tickerdesk.resolution.entity.ResolutionRun;
import org.tickerdesk.resolution.entity.ResolutionSnapshot;
import org.tickerdesk.trading.entity.PositionSettled;
import org.tickerdesk.trading.entity.PositionSnapshot;

/**
 * Resolutions and the positions settled at them as the API and the {@code resolutions} stream speak
 * them.
 */
public final class ResolutionJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ResolutionJson() {}

    public static JsonObject of(ResolutionOverview overview) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("symbol", overview.symbol());
        if (overview.kind() != null) {
            json.add("kind", overview.kind().name().toLowerCase(Locale.ROOT));
        }
        if (overview.expiry() != null) {
            json.add("expiry", overview.expiry().toString());
        }
        if (overview.description() != null) {
            json.add("description", overview.description());
        }
        resolution(json, overview.resolution());
        return json.build();
    }

    private static void resolution(JsonObjectBuilder json, ResolutionSnapshot r) {
        json.add("state", r.state().name());
        if (r.settlementPrice() != null) {
            json.add("settlementPrice", plain(r.settlementPrice()));
        }
        if (r.outcome() != null) {
            json.add("outcome", r.outcome().name());
        }
        text(json, "source", r.source());
        text(json, "basis", r.basis());
        instant(json, "resolvedAt", r.resolvedAt());
        json.add("positionsSettled", r.positionsSettled());
        instant(json, "lastCheckedAt", r.lastCheckedAt());
        text(json, "reason", r.reason());
    }

    /** An admin's resolution and what it settled. */
    public static JsonObject entered(ResolutionOverview overview, ResolutionStore.Settled done) {
        JsonArrayBuilder settled = JSON.createArrayBuilder();
        for (PositionSettled one : done.positions()) {
            settled.add(settled(one));
        }
        ResolutionSnapshot r = done.resolution();
        String value = InstrumentResolution.describe(r.settlementPrice(), r.outcome());
        String count = done.positions().size() + " position(s) settled";
        String message =
                done.resolvedNow()
                        ? r.symbol() + " resolved at " + value + "; " + count
                        : r.symbol()
                                + " was resolved at "
                                + value
                                + " already"
                                + (done.positions().isEmpty()
                                        ? "; nothing more was settled"
                                        : "; " + count + " opened since");
        return JSON.createObjectBuilder()
                .add("resolution", of(overview))
                .add("resolvedNow", done.resolvedNow())
                .add("alreadyResolved", !done.resolvedNow())
                .add("settled", settled)
                .add("message", message)
                .build();
    }

    public static JsonObject settled(PositionSettled one) {
        PositionSnapshot p = one.position();
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("id", p.id())
                        .add("symbol", p.symbol())
                        .add("side", p.side().name())
                        .add("quantity", plain(one.quantity()));
        if (p.averagePrice() != null) {
            json.add("averagePrice", plain(p.averagePrice()));
        }
        return json.add("settlementPrice", plain(one.settlementPrice()))
                .add("pnl", plain(one.pnl()))
                .add("realizedPnl", plain(p.realizedPnl()))
                .add("fees", plain(p.fees()))
                .add("state", p.state().name())
                .build();
    }

    /** 10, not 1E+1; 0.5, not 0.50000000. */
    public static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }

    /** What a run did, and when it finished. */
    public static JsonObject run(ResolutionRun run, Instant finishedAt) {
        JsonArrayBuilder failures = JSON.createArrayBuilder();
        run.failures().forEach(failures::add);
        return JSON.createObjectBuilder()
                .add("asked", run.asked())
                .add("resolved", run.resolved())
                .add("settled", run.settled())
                .add("awaiting", run.awaiting())
                .add("failures", failures)
                .add("summary", run.summary())
                .add("finishedAt", finishedAt.toString())
                .build();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }
}
