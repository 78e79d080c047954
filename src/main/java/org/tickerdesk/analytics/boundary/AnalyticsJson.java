package org.tickerdesk.analytics.boundary;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.List;
import org.tickerdesk.analytics.control.ChartCandles.Chart;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.DailyStats;
import org.tickerdesk.analytics.entity.IndicatorValue;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;

/**
 * Analytics as JSON. Candles are written straight into one buffer, since a chart asks for thousands
 * at a time: the stored ones arrive from the database as JSON text already ({@code StoredCandles});
 * the forming candle alone carries {@code "x":false}, so a candle without {@code x} is final.
 * Prices are plain JSON numbers without trailing zeros; what is not known (an indicator before it
 * has enough bars, VWAP without volume) is null, never NaN.
 */
final class AnalyticsJson {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private AnalyticsJson() {}

    static String candles(String symbol, BarSize interval, Chart chart) {
        StringBuilder json =
                new StringBuilder(96 + chart.stored().json().length() + chart.live().size() * 80)
                        .append("{\"symbol\":")
                        .append(JSON.createValue(symbol))
                        .append(",\"interval\":\"")
                        .append(interval.label())
                        .append("\",\"whatToShow\":\"")
                        .append(chart.series().name())
                        .append("\",\"candles\":[")
                        .append(chart.stored().json());
        String separator = chart.stored().isEmpty() ? "" : ",";
        boolean volume = chart.series() != WhatToShow.MIDPOINT;
        for (Candle candle : chart.live()) {
            json.append(separator);
            candle(
                    json,
                    candle.start().toEpochMilli(),
                    number(candle.open()),
                    number(candle.high()));
            json.append(",\"l\":")
                    .append(number(candle.low()))
                    .append(",\"c\":")
                    .append(number(candle.close()))
                    .append(",\"v\":")
                    .append(volume ? Long.toString(candle.volume()) : "null")
                    .append(candle.closed() ? "}" : ",\"x\":false}");
            separator = ",";
        }
        return json.append("]}").toString();
    }

    static JsonObject stats(DailyStats stats) {
        return JSON.createObjectBuilder()
                .add("symbol", stats.symbol())
                .add("from", stats.from().toString())
                .add("asOf", stats.asOf().toString())
                .add("open", decimal(stats.open()))
                .add("high", decimal(stats.high()))
                .add("low", decimal(stats.low()))
                .add("last", decimal(stats.last()))
                .add("change", decimal(stats.change()))
                .add("changePercent", decimal(stats.changePercent()))
                .add("volume", stats.volume())
                .add("trades", stats.trades())
                .add("vwap", orNull(stats.vwap()))
                .build();
    }

    /** One indicator: its latest value and the recent ones, oldest first. */
    static JsonObject indicator(
            String symbol, BarSize interval, String name, List<IndicatorValue> recent) {
        JsonArrayBuilder points = JSON.createArrayBuilder();
        recent.forEach(v -> points.add(point(v)));
        return JSON.createObjectBuilder()
                .add("symbol", symbol)
                .add("interval", interval.label())
                .add("indicator", name)
                .add(
                        "latest",
                        recent.isEmpty()
                                ? JsonValue.NULL
                                : point(recent.get(recent.size() - 1)).build())
                .add("recent", points)
                .build();
    }

    /** Every indicator's latest value, by its name. */
    static JsonObject indicators(String symbol, BarSize interval, List<IndicatorValue> latest) {
        JsonObjectBuilder all = JSON.createObjectBuilder();
        latest.forEach(v -> all.add(v.spec().name(), point(v)));
        return JSON.createObjectBuilder()
                .add("symbol", symbol)
                .add("interval", interval.label())
                .add("indicators", all)
                .build();
    }

    /** {@code {"t":…,"x":false,"value":…}}: x only while the candle is forming. */
    private static JsonObjectBuilder point(IndicatorValue value) {
        JsonObjectBuilder point = JSON.createObjectBuilder().add("t", value.time().toEpochMilli());
        if (!value.closed()) {
            point.add("x", false);
        }
        List<String> names = value.spec().type().components();
        for (int i = 0; i < names.size(); i++) {
            point.add(names.get(i), orNull(value.values().get(i)));
        }
        return point;
    }

    private static void candle(StringBuilder json, long t, String open, String high) {
        json.append("{\"t\":")
                .append(t)
                .append(",\"o\":")
                .append(open)
                .append(",\"h\":")
                .append(high);
    }

    private static JsonValue orNull(double value) {
        return Double.isNaN(value) ? JsonValue.NULL : JSON.createValue(decimal(value));
    }

    private static BigDecimal decimal(double value) {
        BigDecimal stripped = BigDecimal.valueOf(value).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String number(double value) {
        return decimal(value).toPlainString();
    }
}
