package org.tickerdesk.copytrading.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Duration;
import org.tickerdesk.copytrading.entity.CopyPerformance;
import org.tickerdesk.copytrading.entity.CurvePoint;
import org.tickerdesk.copytrading.entity.FidelityPoint;
import org.tickerdesk.copytrading.entity.FidelitySeries;
import org.tickerdesk.copytrading.entity.PnlCurve;

/**
 * The charts' data as JSON, the same for {@code GET /api/v1/traders/{id}/curve} and {@code
 * /fidelity}, the {@code traders} stream's {@code curve} message and the pages: times as ISO-8601,
 * amounts as plain numbers, delays in milliseconds to three decimals, a figure not known as null.
 */
public final class ChartJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ChartJson() {}

    /** {@code {"traderId":7,"closed":2,"pnl":-0.4,"points":[{"at":"…","pnl":-0.2},…]}}. */
    public static JsonObject write(PnlCurve curve) {
        JsonArrayBuilder points = JSON.createArrayBuilder();
        for (CurvePoint p : curve.points()) {
            points.add(
                    JSON.createObjectBuilder()
                            .add("at", p.at().toString())
                            .add("pnl", TraderJson.plain(p.pnl())));
        }
        JsonObjectBuilder o =
                JSON.createObjectBuilder()
                        .add("traderId", curve.traderId())
                        .add("closed", curve.closed());
        if (curve.points().isEmpty()) {
            o.addNull("pnl");
        } else {
            o.add("pnl", TraderJson.plain(curve.points().get(curve.points().size() - 1).pnl()));
        }
        return o.add("points", points).build();
    }

    /** The points by the leader's time, and the percentiles of the same copies. */
    public static JsonObject write(FidelitySeries series) {
        JsonArrayBuilder points = JSON.createArrayBuilder();
        for (FidelityPoint p : series.points()) {
            JsonObjectBuilder point =
                    JSON.createObjectBuilder()
                            .add("entryId", p.entryId())
                            .add("tradeId", p.tradeId())
                            .add("leaderTime", p.leaderTime().toString());
            millis(point, "delayToOrderMs", p.toOrder());
            millis(point, "delayToFillMs", p.toFill());
            number(point, "slippage", p.slippage());
            number(point, "slippageBps", p.slippageBps());
            points.add(point);
        }
        CopyPerformance f = series.figures();
        JsonObjectBuilder figures =
                JSON.createObjectBuilder().add("copied", f.copied()).add("filled", f.filled());
        millis(figures, "delayToOrderMsP50", f.delayToOrderP50());
        millis(figures, "delayToOrderMsP95", f.delayToOrderP95());
        millis(figures, "delayToFillMsP50", f.delayToFillP50());
        millis(figures, "delayToFillMsP95", f.delayToFillP95());
        number(figures, "slippageP50", f.slippageP50());
        number(figures, "slippageP95", f.slippageP95());
        number(figures, "slippageBpsP50", f.slippageBpsP50());
        number(figures, "slippageBpsP95", f.slippageBpsP95());
        return JSON.createObjectBuilder()
                .add("traderId", series.traderId())
                .add("window", series.window())
                .add("figures", figures)
                .add("points", points)
                .build();
    }

    /** Milliseconds to three decimals, plain; null as null. */
    public static BigDecimal millis(Duration value) {
        return value == null ? null : TraderJson.plain(BigDecimal.valueOf(value.toNanos(), 6));
    }

    private static void millis(JsonObjectBuilder o, String name, Duration value) {
        number(o, name, millis(value));
    }

    private static void number(JsonObjectBuilder o, String name, BigDecimal value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, TraderJson.plain(value));
        }
    }
}
