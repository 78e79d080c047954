package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.platform.entity.FieldError;

/** What the Collect page's form asks for, what its presets fill in, and what it refuses. */
class CollectFormTest {

    private static final LocalDate TODAY = LocalDate.parse("2025-11-20");

    private final CollectForm form = new CollectForm();

    @Test
    void daysAreUtcAndTheLastOneIsIncluded() {
        form.setInstruments(List.of("AAPL", "MSFT"));
        form.setFrom(LocalDate.parse("2025-01-02"));
        form.setTo(LocalDate.parse("2025-01-31"));
        form.setUpToNow(false);

        CollectionRequest request = form.request();

        assertEquals(HistorySourceName.SIMULATED, request.source());
        assertEquals(List.of("AAPL", "MSFT"), request.symbols());
        assertEquals(BarSize.MIN_1, request.barSize());
        assertEquals(Instant.parse("2025-01-02T00:00:00Z"), request.from());
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"), request.to());
        assertEquals(WhatToShow.TRADES, request.whatToShow());
        assertTrue(request.regularHoursOnly());
        assertFalse(request.incremental());
        assertNull(request.upload());
    }

    @Test
    void upToNowLeavesTheEndOpen() {
        form.setInstruments(List.of("AAPL"));
        form.setFrom(LocalDate.parse("2025-01-02"));
        form.setTo(LocalDate.parse("2025-01-31"));

        assertTrue(form.request().toNow(), "up to now is the default and wins over a last day");
    }

    @Test
    void theYearPresetAsksForDailyBarsUpToNow() {
        form.setIncremental(true);
        form.setGapsOnly(true);

        form.yearOfDailyBars(TODAY);

        assertEquals("1d", form.getBarSize());
        assertEquals(LocalDate.parse("2024-11-20"), form.getFrom());
        assertTrue(form.isUpToNow());
        assertFalse(form.isIncremental());
        assertFalse(form.isGapsOnly());
    }

    @Test
    void theMonthPresetAsksForMinuteBarsOfThirtyDays() {
        form.thirtyDaysOfMinuteBars(TODAY);

        assertEquals("1m", form.getBarSize());
        assertEquals(LocalDate.parse("2025-10-21"), form.getFrom());
        assertTrue(form.isUpToNow());
    }

    @Test
    void theGapsPresetKeepsTheRangeAndFillsOnlyWhatIsMissing() {
        form.setFrom(LocalDate.parse("2025-01-02"));
        form.setIncremental(true);

        form.fillGaps();

        assertTrue(form.isGapsOnly());
        assertFalse(form.isIncremental());
        assertEquals(LocalDate.parse("2025-01-02"), form.getFrom());
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        form.setInstruments(List.of());
        form.setUpToNow(false);
        form.setIncremental(false);
        form.setGapsOnly(false);
        form.setBarSize("7m");

        HistoryFailureException refused =
                assertThrows(HistoryFailureException.class, () -> form.request());

        assertEquals(
                List.of("barSize", "instruments", "from", "to"),
                refused.errors().stream().map(FieldError::field).toList());
        assertEquals(
                "'7m' is not a bar size; use one of " + BarSize.LABELS,
                refused.errorFor("barSize"));
    }

    @Test
    void aLastDayBeforeTheFirstIsRefusedBesideTheLastDay() {
        form.setInstruments(List.of("AAPL"));
        form.setFrom(LocalDate.parse("2025-02-01"));
        form.setTo(LocalDate.parse("2025-01-31"));
        form.setUpToNow(false);

        assertEquals(
                List.of(
                        new FieldError(
                                "to",
                                "The last day 2025-01-31 is before the first day 2025-02-01")),
                form.problems(false));
    }

    @Test
    void anIncrementalCollectionNeedsNoFirstDayButCannotAlsoFillGaps() {
        form.setInstruments(List.of("AAPL"));
        form.setIncremental(true);
        form.setGapsOnly(true);

        assertEquals(
                List.of(new FieldError("gapsOnly", "Fill gaps or collect incrementally, not both")),
                form.problems(false));
    }

    @Test
    void aCsvCollectionNeedsOneInstrumentAFileAndATimeZoneButNoDays() {
        form.setSource("csv");
        form.setInstruments(List.of("AAPL", "MSFT"));
        form.setUpToNow(false);
        form.setTimeZone("Mars/Olympus");

        assertEquals(
                List.of("instruments", "file", "timeZone"),
                form.problems(false).stream().map(FieldError::field).toList());
        assertEquals(
                "'Mars/Olympus' is not a time zone: use a name such as America/New_York,"
                        + " Europe/London or UTC",
                form.problems(false).get(2).message());
    }

    @Test
    void aCsvFileIsOfThePickedInstrumentInTheChosenZone() {
        form.setSource("csv");
        form.setInstruments(List.of("AAPL"));
        form.setBarSize("1d");

        assertEquals("AAPL", form.csvSymbol());
        assertEquals("America/New_York", form.zone().getId());
    }

    @Test
    void theFileMattersOnlyToACsvCollection() {
        form.setInstruments(List.of("AAPL"));
        form.setFrom(LocalDate.parse("2025-01-02"));
        form.setTimeZone("Mars/Olympus");

        assertEquals(List.of(), form.problems(false));
    }
}
