package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.platform.entity.FieldError;

/** A collection as typed, every field a string: read into a request, or refused field by field. */
class CollectionInputTest {

    private static final String FROM = "2024-01-02T00:00:00Z";
    private static final String TO = "2024-07-01T00:00:00Z";

    /** The fields a caller typed; each test changes what it is about. */
    private static final class Typed {
        String source = "simulated";
        List<String> instruments = List.of("AAPL", "MSFT");
        String barSize = "1m";
        String from = FROM;
        String to = TO;
        String incremental;
        String gapsOnly;
        String whatToShow;
        String rthOnly;
        Long upload;

        CollectionRequest read() {
            return CollectionInput.request(
                    source,
                    instruments,
                    barSize,
                    from,
                    to,
                    incremental,
                    gapsOnly,
                    whatToShow,
                    rthOnly,
                    upload);
        }

        List<FieldError> refused() {
            return assertThrows(HistoryFailureException.class, this::read).errors();
        }
    }

    private static Set<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }

    private static String messageFor(String field, List<FieldError> errors) {
        return errors.stream()
                .filter(e -> e.field().equals(field))
                .map(FieldError::message)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no error for " + field + ": " + errors));
    }

    @Test
    void aCompleteCollectionIsReadWithItsDefaults() {
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
                new Typed().read());
    }

    @Test
    void everyFieldGivenIsReadAsTyped() {
        Typed in = new Typed();
        in.source = "yahoo";
        in.instruments = List.of("BRK.B");
        in.barSize = "1M";
        in.gapsOnly = "true";
        in.whatToShow = "midpoint";
        in.rthOnly = "FALSE";
        CollectionRequest request = in.read();
        assertEquals(HistorySourceName.YAHOO, request.source());
        assertEquals(List.of("BRK.B"), request.symbols());
        assertEquals(BarSize.MONTH_1, request.barSize());
        assertTrue(request.gapsOnly());
        assertFalse(request.incremental());
        assertEquals(WhatToShow.MIDPOINT, request.whatToShow());
        assertFalse(request.regularHoursOnly());
    }

    @Test
    void blankOptionalFieldsTakeTheirDefaults() {
        Typed in = new Typed();
        in.incremental = " ";
        in.gapsOnly = "";
        in.whatToShow = "  ";
        in.rthOnly = "";
        CollectionRequest request = in.read();
        assertFalse(request.incremental());
        assertFalse(request.gapsOnly());
        assertEquals(WhatToShow.TRADES, request.whatToShow());
        assertTrue(request.regularHoursOnly());
    }

    @Test
    void aDateIsMidnightUtcOfThatDay() {
        Typed in = new Typed();
        in.from = "2024-01-02";
        in.to = "2024-02-29";
        CollectionRequest request = in.read();
        assertEquals(Instant.parse("2024-01-02T00:00:00Z"), request.from());
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), request.to());
    }

    @Test
    void surroundingSpacesAreNotPartOfAValue() {
        Typed in = new Typed();
        in.source = " simulated ";
        in.instruments = List.of(" AAPL ");
        in.barSize = " 5m ";
        in.from = " 2024-01-02 ";
        CollectionRequest request = in.read();
        assertEquals(List.of("AAPL"), request.symbols());
        assertEquals(BarSize.MIN_5, request.barSize());
        assertEquals(Instant.parse("2024-01-02T00:00:00Z"), request.from());
    }

    @Test
    void toNowInAnyCaseMeansUpToNow() {
        for (String now : List.of("now", "NOW", " Now ")) {
            Typed in = new Typed();
            in.to = now;
            CollectionRequest request = in.read();
            assertNull(request.to(), now);
            assertTrue(request.toNow(), now);
        }
    }

    @Test
    void anIncrementalCollectionMayLeaveOutFrom() {
        Typed in = new Typed();
        in.incremental = "true";
        in.from = null;
        in.to = "now";
        CollectionRequest request = in.read();
        assertTrue(request.incremental());
        assertNull(request.from());
        assertNull(request.to());
    }

    @Test
    void anyOtherCollectionNeedsFromAndEveryCollectionNeedsTo() {
        Typed in = new Typed();
        in.from = null;
        in.to = " ";
        List<FieldError> errors = in.refused();
        assertEquals(Set.of("from", "to"), fields(errors));
        assertTrue(messageFor("from", errors).contains("incremental"), errors::toString);
        assertTrue(messageFor("to", errors).contains("now"), errors::toString);
    }

    @Test
    void sourceInstrumentsAndBarSizeAreRequired() {
        Typed in = new Typed();
        in.source = null;
        in.instruments = null;
        in.barSize = "";
        List<FieldError> errors = in.refused();
        assertEquals(Set.of("source", "instruments", "barSize"), fields(errors));
        assertTrue(messageFor("source", errors).contains("required"), errors::toString);
        assertTrue(messageFor("barSize", errors).contains("required"), errors::toString);
        Typed none = new Typed();
        none.instruments = List.of();
        assertEquals(Set.of("instruments"), fields(none.refused()));
    }

    @Test
    void anEndNotAfterTheStartIsRefusedNamingTo() {
        Typed inverted = new Typed();
        inverted.from = "2024-07-01";
        inverted.to = "2024-01-02";
        List<FieldError> errors = inverted.refused();
        assertEquals(Set.of("to"), fields(errors));
        assertTrue(messageFor("to", errors).contains("2024-01-02T00:00:00Z"), errors::toString);

        Typed empty = new Typed();
        empty.from = "2024-01-02";
        empty.to = "2024-01-02T00:00:00Z";
        assertEquals(Set.of("to"), fields(empty.refused()));
    }

    @Test
    void gapsOnlyAndIncrementalTogetherAreRefusedNamingGapsOnly() {
        Typed in = new Typed();
        in.incremental = "true";
        in.gapsOnly = "true";
        assertEquals(Set.of("gapsOnly"), fields(in.refused()));
    }

    @Test
    void flagsAreTrueOrFalseAndNothingElse() {
        Typed in = new Typed();
        in.incremental = "yes";
        in.gapsOnly = "1";
        in.rthOnly = "no";
        List<FieldError> errors = in.refused();
        assertEquals(Set.of("incremental", "gapsOnly", "rthOnly"), fields(errors));
        assertTrue(messageFor("incremental", errors).contains("'yes'"), errors::toString);
    }

    @Test
    void aSymbolMustBeUpperCaseLettersAndDigitsAndEachBadOneIsNamed() {
        Typed in = new Typed();
        in.instruments = Arrays.asList("AAPL", "aapl", "MS FT", "", null);
        List<FieldError> errors = in.refused();
        assertEquals(
                List.of("instruments", "instruments", "instruments", "instruments"),
                errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("'aapl'"), errors::toString);
        assertTrue(errors.get(1).message().contains("'MS FT'"), errors::toString);
    }

    @Test
    void twoHundredInstrumentsAreAllowedAndOneMoreIsRefusedNamingInstruments() {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            symbols.add("S" + i);
        }
        Typed most = new Typed();
        most.instruments = symbols;
        assertEquals(200, most.read().symbols().size());

        List<String> tooMany = new ArrayList<>(symbols);
        tooMany.add("S200");
        Typed over = new Typed();
        over.instruments = tooMany;
        List<FieldError> errors = over.refused();
        assertEquals(Set.of("instruments"), fields(errors));
        assertTrue(messageFor("instruments", errors).contains("201"), errors::toString);
        assertTrue(messageFor("instruments", errors).contains("200"), errors::toString);
    }

    @Test
    void unknownNamesAreRefusedNamingTheirField() {
        Typed in = new Typed();
        in.source = "bloomberg";
        in.barSize = "1 min";
        in.whatToShow = "VOLUME";
        List<FieldError> errors = in.refused();
        assertEquals(Set.of("source", "barSize", "whatToShow"), fields(errors));
        assertTrue(messageFor("source", errors).contains("'bloomberg'"), errors::toString);
        assertTrue(messageFor("barSize", errors).contains("'1 min'"), errors::toString);
        assertTrue(messageFor("whatToShow", errors).contains("'VOLUME'"), errors::toString);
    }

    @Test
    void aSourceNameIsLowerCaseOnly() {
        Typed in = new Typed();
        in.source = "SIMULATED";
        assertEquals(Set.of("source"), fields(in.refused()));
    }

    @Test
    void anInstantThatIsNeitherIsoNorADateIsRefusedQuotingIt() {
        Typed in = new Typed();
        in.from = "02.01.2024";
        in.to = "2024-13-01";
        List<FieldError> errors = in.refused();
        assertEquals(Set.of("from", "to"), fields(errors));
        assertTrue(messageFor("from", errors).contains("'02.01.2024'"), errors::toString);
        assertTrue(messageFor("to", errors).contains("'2024-13-01'"), errors::toString);
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        Typed in = new Typed();
        in.source = "";
        in.instruments = List.of("aapl");
        in.barSize = "7m";
        in.from = "yesterday";
        in.to = "tomorrow";
        in.whatToShow = "VOLUME";
        in.rthOnly = "maybe";
        HistoryFailureException e = assertThrows(HistoryFailureException.class, in::read);
        assertEquals(HistoryFailureException.Kind.INVALID_REQUEST, e.kind());
        assertEquals(400, e.status());
        assertEquals(
                Set.of("source", "instruments", "barSize", "from", "to", "whatToShow", "rthOnly"),
                fields(e.errors()));
        assertEquals(7, e.errors().size(), e.errors()::toString);
    }

    @Test
    void aCsvCollectionIsStartedByItsUploadOnly() {
        Typed typed = new Typed();
        typed.source = "csv";
        List<FieldError> errors = typed.refused();
        assertEquals(Set.of("source"), fields(errors));
        assertTrue(messageFor("source", errors).contains("upload"), errors::toString);

        Typed uploaded = new Typed();
        uploaded.source = "csv";
        uploaded.upload = 42L;
        CollectionRequest request = uploaded.read();
        assertEquals(HistorySourceName.CSV, request.source());
        assertEquals(42L, request.upload());
    }
}
