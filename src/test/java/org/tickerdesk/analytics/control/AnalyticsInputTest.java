package org.tickerdesk.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tickerdesk.analytics.control.AnalyticsInput.IndicatorQuery;
import org.tickerdesk.analytics.entity.IndicatorSpec;
import org.tickerdesk.analytics.entity.IndicatorType;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.platform.entity.FieldError;

/** What callers may ask of the indicators in a query string, and how the rest is refused. */
class AnalyticsInputTest {

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return parameters;
    }

    private static List<String> refusedFields(Runnable read) {
        AnalyticsFailureException e = assertThrows(AnalyticsFailureException.class, read::run);
        assertEquals("invalid_analytics_request", e.code());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void anIndicatorDefaultsToOneMinuteAndTwentyValues() {
        assertEquals(
                new IndicatorQuery(BarSize.MIN_1, new IndicatorSpec(IndicatorType.EMA, 20), 20),
                AnalyticsInput.indicator("ema", query()));
        assertEquals(
                new IndicatorQuery(BarSize.HOUR_1, new IndicatorSpec(IndicatorType.EMA, 50), 3),
                AnalyticsInput.indicator(
                        "ema", query("interval", "1h", "period", "50", "limit", "3")));
    }

    @Test
    void everyParameterAtFaultIsNamedAtOnce() {
        assertEquals(
                List.of("interval", "type", "limit"),
                refusedFields(
                        () ->
                                AnalyticsInput.indicator(
                                        "wma", query("interval", "1w", "limit", "0"))));
        assertEquals(
                List.of("period"),
                refusedFields(() -> AnalyticsInput.indicator("ema50", query("period", "5"))));
        assertEquals(
                List.of("interval"),
                refusedFields(
                        () ->
                                AnalyticsInput.indicator(
                                        "ema", query("interval", "1m", "interval", "5m"))));
        assertEquals(
                List.of("from"), refusedFields(() -> AnalyticsInput.defaults(query("from", "0"))));
        assertEquals(
                List.of("x"),
                refusedFields(
                        () -> AnalyticsInput.none("/api/v1/stats/{symbol}", query("x", "1"))));
    }
}
