package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.SeriesSpan;
import org.tickerdesk.history.entity.TimeRange;

/** A series' span read from its days, when the days allow it. */
class SeriesDaysTest {

    private static Instant[] day(String first, String last) {
        return new Instant[] {Instant.parse(first), Instant.parse(last)};
    }

    @Test
    void completeDaysGiveTheSpanWithTheHolesBetweenThem() {
        // Monday 14:30-20:59 and Wednesday 14:30-20:59, 390 minutes each; Tuesday missing.
        assertEquals(
                Optional.of(
                        new SeriesSpan(
                                780,
                                Instant.parse("2025-11-24T14:30:00Z"),
                                Instant.parse("2025-11-26T20:59:00Z"),
                                List.of(
                                        new TimeRange(
                                                Instant.parse("2025-11-24T21:00:00Z"),
                                                Instant.parse("2025-11-26T14:30:00Z"))))),
                SeriesDays.span(
                        List.of(
                                day("2025-11-24T14:30:00Z", "2025-11-24T20:59:00Z"),
                                day("2025-11-26T14:30:00Z", "2025-11-26T20:59:00Z")),
                        List.of(390L, 390L),
                        BarSize.MIN_1));
    }

    @Test
    void daysThatTouchHaveNoHoleBetweenThem() {
        assertEquals(
                List.of(),
                SeriesDays.span(
                                List.of(
                                        day("2025-11-22T00:00:00Z", "2025-11-22T23:00:00Z"),
                                        day("2025-11-23T00:00:00Z", "2025-11-23T01:00:00Z")),
                                List.of(24L, 2L),
                                BarSize.HOUR_1)
                        .orElseThrow()
                        .holes());
    }

    @Test
    void aDayWithAHoleInsideOrBarsOffTheGridNeedsTheBarsRead() {
        assertEquals(
                Optional.empty(),
                SeriesDays.span(
                        List.<Instant[]>of(day("2025-11-24T14:30:00Z", "2025-11-24T20:59:00Z")),
                        List.of(389L),
                        BarSize.MIN_1));
        assertEquals(
                Optional.empty(),
                SeriesDays.span(
                        List.<Instant[]>of(day("2025-11-24T14:30:00Z", "2025-11-24T20:00:00Z")),
                        List.of(7L),
                        BarSize.HOUR_1),
                "IB's hourly bars start 09:30, 10:00, 11:00 … 15:00 New York: five and a half"
                        + " hours");
    }

    @Test
    void noDaysIsAnEmptySpan() {
        assertEquals(
                Optional.of(SeriesSpan.empty()),
                SeriesDays.span(List.of(), List.of(), BarSize.MIN_1));
    }
}
