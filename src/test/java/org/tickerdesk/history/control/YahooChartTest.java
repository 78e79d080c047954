package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.SkippedBar;
import org.tickerdesk.history.entity.SourceBars;

/** Reading Yahoo's chart JSON where the samples of YahooHistoryTest do not reach. */
class YahooChartTest {

    private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-02T00:00:00Z");

    @Test
    void aDailyBarOfAnExchangeAheadOfUtcKeepsItsOwnDate() {
        // BHP on the ASX opens at 10:00 in Sydney, 23:00 UTC of the day before
        String body =
                """
                {"chart":{"result":[{"meta":{"gmtoffset":39600,"priceHint":2},
                  "timestamp":[1709247600],
                  "indicators":{"quote":[{"open":[45.5],"high":[46.0],"low":[45.25],
                    "close":[45.75],"volume":[6123456]}]}}],"error":null}}
                """;
        SourceBars bars = YahooChart.parse(body).bars(FROM, TO, true);
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), bars.bars().get(0).start());
    }

    @Test
    void withoutAPriceHintPricesKeepEightDecimals() {
        String body =
                """
                {"chart":{"result":[{"meta":{},"timestamp":[1709303400],
                  "indicators":{"quote":[{"open":[0.00001234],"high":[0.0000125],
                    "low":[0.0000123],"close":[0.0000124],"volume":[0]}]}}],"error":null}}
                """;
        Bar bar = YahooChart.parse(body).bars(FROM, TO, false).bars().get(0);
        assertEquals(new BigDecimal("0.00001234"), bar.open());
        assertEquals(new BigDecimal("0.00001240"), bar.close());
        assertEquals(BigDecimal.ZERO, bar.volume());
    }

    @Test
    void entriesMissingFromShortListsAreMissingValues() {
        String body =
                """
                {"chart":{"result":[{"meta":{"priceHint":2},"timestamp":[1709303400,1709303460],
                  "indicators":{"quote":[{"open":[1.0],"high":[1.0,1.0],"low":[1.0,1.0],
                    "close":[1.0,1.0]}]}}],"error":null}}
                """;
        SourceBars bars = YahooChart.parse(body).bars(FROM, TO, false);
        assertEquals(1, bars.bars().size());
        assertEquals(null, bars.bars().get(0).volume());
        assertEquals(
                List.of(new SkippedBar("bar at 2024-03-01T14:31:00Z", "Yahoo sent no open")),
                bars.skipped());
    }

    @Test
    void anythingButTheJsonOfAChartIsSaidPlainly() {
        assertEquals(
                "the body is not JSON",
                assertThrows(IllegalArgumentException.class, () -> YahooChart.parse("<html>"))
                        .getMessage());
        assertEquals(
                "the JSON has no chart",
                assertThrows(IllegalArgumentException.class, () -> YahooChart.parse("[1,2]"))
                        .getMessage());
        assertEquals(
                "the chart has neither a result nor an error",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        YahooChart.parse("{\"chart\":{\"result\":null}}")
                                                .bars(FROM, TO, false))
                        .getMessage());
    }
}
