package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.CopiedTrade;
import org.tickerdesk.copytrading.entity.CurvePoint;
import org.tickerdesk.copytrading.entity.FidelityPoint;
import org.tickerdesk.copytrading.entity.FidelitySeries;
import org.tickerdesk.copytrading.entity.PnlCurve;
import org.tickerdesk.trading.entity.Side;

/** The charts' JSON as the API, the stream and the pages carry it, written out in full. */
class ChartJsonTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aCurveIsItsPointsAndItsLastPnl() {
        PnlCurve curve =
                new PnlCurve(
                        7,
                        2,
                        List.of(
                                new CurvePoint(
                                        Instant.parse("2026-11-30T10:05:00Z"),
                                        new BigDecimal("-0.20000000")),
                                new CurvePoint(
                                        Instant.parse("2026-11-30T10:06:00.120Z"),
                                        new BigDecimal("-0.40000000"))));

        assertEquals(
                json(
                        "{\"traderId\":7,\"closed\":2,\"pnl\":-0.4,\"points\":["
                                + "{\"at\":\"2026-11-30T10:05:00Z\",\"pnl\":-0.2},"
                                + "{\"at\":\"2026-11-30T10:06:00.120Z\",\"pnl\":-0.4}]}"),
                ChartJson.write(curve));
    }

    @Test
    void anEmptyCurveHasANullPnl() {
        assertEquals(
                json("{\"traderId\":7,\"closed\":0,\"pnl\":null,\"points\":[]}"),
                ChartJson.write(PnlCurve.empty(7)));
    }

    @Test
    void fidelityHasItsPointsInMillisecondsAndItsFigures() {
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        FidelitySeries series =
                new FidelitySeries(
                        7,
                        1000,
                        List.of(
                                new FidelityPoint(
                                        41,
                                        "t-1",
                                        t0,
                                        Duration.ofNanos(200_500_000),
                                        Duration.ofMillis(300),
                                        new BigDecimal("0.0200"),
                                        new BigDecimal("2.00")),
                                new FidelityPoint(
                                        42,
                                        "t-2",
                                        t0.plusSeconds(60),
                                        Duration.ofMillis(100),
                                        null,
                                        null,
                                        null)),
                        CopyStatistics.of(
                                List.of(
                                        new CopiedTrade(
                                                t0,
                                                new BigDecimal("100"),
                                                t0.plusNanos(200_500_000),
                                                t0.plusMillis(300),
                                                new BigDecimal("100.02"),
                                                Side.BUY,
                                                BigDecimal.TEN,
                                                null),
                                        new CopiedTrade(
                                                t0.plusSeconds(60),
                                                new BigDecimal("100"),
                                                t0.plusSeconds(60).plusMillis(100),
                                                null,
                                                null,
                                                Side.BUY,
                                                BigDecimal.TEN,
                                                null)),
                                0,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO));

        // to the order 200.5 and 100 ms: p50 rank ⌈1⌉ = 1 (100), p95 rank ⌈1.9⌉ = 2 (200.5)
        assertEquals(
                json(
                        "{\"traderId\":7,\"window\":1000,\"figures\":{\"copied\":2,\"filled\":1,"
                            + "\"delayToOrderMsP50\":100,\"delayToOrderMsP95\":200.5,"
                            + "\"delayToFillMsP50\":300,\"delayToFillMsP95\":300,"
                            + "\"slippageP50\":0.02,\"slippageP95\":0.02,\"slippageBpsP50\":2,"
                            + "\"slippageBpsP95\":2},\"points\":[{\"entryId\":41,\"tradeId\":"
                            + "\"t-1\",\"leaderTime\":\"2026-11-30T10:00:00Z\",\"delayToOrderMs\":"
                            + "200.5,\"delayToFillMs\":300,\"slippage\":0.02,\"slippageBps\":2},"
                            + "{\"entryId\":42,\"tradeId\":\"t-2\",\"leaderTime\":"
                            + "\"2026-11-30T10:01:00Z\",\"delayToOrderMs\":100,\"delayToFillMs\":"
                            + "null,\"slippage\":null,\"slippageBps\":null}]}"),
                ChartJson.write(series));
    }
}
