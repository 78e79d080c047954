package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.JobFilter;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.platform.entity.FieldError;

/** A collection's body and the list's filter as the API reads them: every fault by its field. */
class JobsResourceTest {

    private static JsonObjectBuilder body() {
        return Json.createObjectBuilder()
                .add("source", "simulated")
                .add("instruments", Json.createArrayBuilder().add("AAPL").add("MSFT"))
                .add("barSize", "1m")
                .add("from", "2024-01-02T00:00:00Z")
                .add("to", "2024-07-01T00:00:00Z");
    }

    private static List<FieldError> refused(JsonObject body) {
        return assertThrows(HistoryFailureException.class, () -> JobsResource.request(body))
                .errors();
    }

    private static List<FieldError> refusedFilter(
            String status, String instrument, String date, String limit) {
        return assertThrows(
                        HistoryFailureException.class,
                        () -> JobsResource.filter(status, instrument, date, limit))
                .errors();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void theDocumentedExampleStartsAHalfYearCollection() {
        JsonObject example =
                Json.createReader(new java.io.StringReader(JobsResource.START_EXAMPLE))
                        .readObject();
        assertEquals(
                new CollectionRequest(
                        HistorySourceName.SIMULATED,
                        List.of("AAPL", "MSFT"),
                        BarSize.MIN_1,
                        Instant.parse("2024-01-02T00:00:00Z"),
                        Instant.parse("2024-07-01T00:00:00Z"),
                        false,
                        false,
                        WhatToShow.TRADES,
                        true,
                        null),
                JobsResource.request(example));
    }

    @Test
    void flagsAreJsonBooleansOrTheirStrings() {
        CollectionRequest request =
                JobsResource.request(
                        body().add("gapsOnly", true)
                                .add("rthOnly", "false")
                                .add("whatToShow", "BID")
                                .build());
        assertTrue(request.gapsOnly());
        assertEquals(false, request.regularHoursOnly());
        assertEquals(WhatToShow.BID, request.whatToShow());
        assertEquals(false, request.incremental());
    }

    @Test
    void aNullFieldIsNotGiven() {
        CollectionRequest request =
                JobsResource.request(
                        body().addNull("whatToShow")
                                .addNull("rthOnly")
                                .addNull("incremental")
                                .build());
        assertEquals(WhatToShow.TRADES, request.whatToShow());
        assertTrue(request.regularHoursOnly());
    }

    @Test
    void anUnknownFieldIsRefusedNamingItAndTheFieldsThereAre() {
        List<FieldError> errors = refused(body().add("colour", "red").build());
        assertEquals(
                List.of(
                        new FieldError(
                                "colour",
                                "'colour' is not a field of a collection; use source, instruments,"
                                        + " barSize, from, to, incremental, gapsOnly, whatToShow,"
                                        + " rthOnly")),
                errors);
    }

    @Test
    void anUploadCannotBeNamedInTheBody() {
        assertEquals(List.of("upload"), fields(refused(body().add("upload", 42).build())));
    }

    @Test
    void aMisspeltFieldIsNotSilentlyIgnored() {
        // "form" for "from": not read as an incremental collection without a start.
        assertEquals(
                List.of("form"),
                fields(
                        refused(
                                body().remove("from")
                                        .add("form", "2024-01-02")
                                        .add("incremental", true)
                                        .build())));
    }

    @Test
    void eachFieldOfTheWrongJsonTypeIsNamedWithWhatItMustBe() {
        List<FieldError> errors =
                refused(
                        body().add("source", 1)
                                .add("barSize", true)
                                .add("from", Json.createObjectBuilder())
                                .add("incremental", 1)
                                .build());
        assertEquals(
                List.of(
                        new FieldError("source", "'source' must be a string, not NUMBER"),
                        new FieldError("barSize", "'barSize' must be a string, not TRUE"),
                        new FieldError("from", "'from' must be a string, not OBJECT"),
                        new FieldError(
                                "incremental", "'incremental' must be true or false, not NUMBER")),
                errors);
    }

    @Test
    void instrumentsMustBeAnArrayOfStrings() {
        assertEquals(
                List.of(
                        new FieldError(
                                "instruments",
                                "'instruments' must be an array of strings, not STRING")),
                refused(body().add("instruments", "AAPL").build()));
        assertEquals(
                List.of(
                        new FieldError(
                                "instruments", "'instruments' must hold strings only, not 1")),
                refused(
                        body().add("instruments", Json.createArrayBuilder().add("AAPL").add(1))
                                .build()));
    }

    @Test
    void valuesOfTheRightTypeAreStillCheckedAsACollection() {
        List<FieldError> errors =
                refused(
                        body().add("instruments", Json.createArrayBuilder().add("aapl"))
                                .add("incremental", "yes")
                                .add("barSize", "1 minute")
                                .build());
        assertEquals(List.of("instruments", "barSize", "incremental"), fields(errors));
    }

    @Test
    void aCsvCollectionCannotBeStartedWithoutItsUpload() {
        assertEquals(List.of("source"), fields(refused(body().add("source", "csv").build())));
    }

    @Test
    void noBodyIsRefusedNamingTheBody() {
        assertEquals(List.of("body"), fields(refused(null)));
    }

    @Test
    void noFilterListsTheNewestHundred() {
        assertEquals(
                new JobFilter(null, null, null, 100), JobsResource.filter(null, null, null, null));
    }

    @Test
    void aFilterIsReadAsGiven() {
        assertEquals(
                new JobFilter(JobStatus.STOPPED, "AAPL", LocalDate.of(2024, 1, 2), 50),
                JobsResource.filter("STOPPED", "AAPL", "2024-01-02", "50"));
    }

    @Test
    void aStatusThatIsNoneOfTheSevenIsRefusedNamingStatus() {
        List<FieldError> errors = refusedFilter("RUNNING", null, null, null);
        assertEquals(List.of("status"), fields(errors));
        assertTrue(errors.get(0).message().contains("'RUNNING'"), errors::toString);
        assertTrue(errors.get(0).message().contains("ABANDONED"), errors::toString);
    }

    @Test
    void aDateThatIsNotACalendarDayIsRefusedNamingDate() {
        for (String date :
                List.of("2024-02-30", "yesterday", "02.01.2024", "2024-01-02T00:00:00Z")) {
            List<FieldError> errors = refusedFilter(null, null, date, null);
            assertEquals(
                    List.of(
                            new FieldError(
                                    "date", "'" + date + "' is not a date such as 2024-01-02")),
                    errors);
        }
    }

    @Test
    void theLimitIsAWholeNumberFromOneToFiveHundred() {
        assertEquals(1, JobsResource.filter(null, null, null, "1").limit());
        assertEquals(500, JobsResource.filter(null, null, null, "500").limit());
        for (String limit : List.of("0", "501", "-3", "ten", "1.5", "")) {
            List<FieldError> errors = refusedFilter(null, null, null, limit);
            assertEquals(
                    List.of(
                            new FieldError(
                                    "limit", "'limit' must be a whole number from 1 to 500")),
                    errors,
                    limit);
        }
    }

    @Test
    void everyBadFilterIsNamedAtOnce() {
        assertEquals(
                List.of("status", "date", "limit"),
                fields(refusedFilter("DONE", "AAPL", "2024-13-01", "1000")));
    }

    @Test
    void theInstrumentFilterIsPassedOnAsGiven() {
        JobFilter filter = JobsResource.filter(null, "BRK.B", null, null);
        assertEquals("BRK.B", filter.symbol());
        assertNull(filter.status());
        assertNull(filter.day());
    }
}
