package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.testing.SettableClock;

/**
 * What a collection must be before it starts: known instruments, each once; a source that is here
 * and has the bar size and the series; a range not reaching into the future. Every fault at once.
 */
class CollectionChecksTest {

    private static final Instant NOW = Instant.parse("2024-03-05T14:37:00Z");

    /** Knows AAPL and MSFT only. */
    private static final class TwoInstruments extends InstrumentCatalog {
        @Override
        public Optional<Instrument> find(String symbol) {
            return Set.of("AAPL", "MSFT").contains(symbol)
                    ? Optional.of(new Instrument(Contract.stock(symbol, "SMART"), null))
                    : Optional.empty();
        }
    }

    /** Has the bar sizes it is given, in windows of a day, and the series it is given. */
    private record Source(HistorySourceName name, Set<BarSize> sizes, Set<WhatToShow> series)
            implements HistorySource {
        @Override
        public Optional<Duration> longestWindow(BarSize barSize) {
            return sizes.contains(barSize) ? Optional.of(Duration.ofDays(1)) : Optional.empty();
        }

        @Override
        public boolean serves(WhatToShow whatToShow) {
            return series.contains(whatToShow);
        }

        /** Like Yahoo: minute bars for the last 30 days only. */
        @Override
        public Optional<Duration> reachBack(BarSize barSize) {
            return name == HistorySourceName.YAHOO && barSize == BarSize.MIN_1
                    ? Optional.of(Duration.ofDays(30))
                    : Optional.empty();
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public SourceBars bars(HistoryWindow window, Duration timeout) {
            throw new UnsupportedOperationException("checks never fetch bars");
        }
    }

    /** The sources by name; a name not here is not installed. */
    private static final class Sources extends HistorySources {
        final Map<HistorySourceName, HistorySource> byName = new EnumMap<>(HistorySourceName.class);

        @Override
        public HistorySource named(HistorySourceName name) {
            HistorySource source = byName.get(name);
            return source != null
                    ? source
                    : HistorySource.unavailable(name, "No " + name.wire() + " source here");
        }
    }

    private final Sources sources = new Sources();
    private final SettableClock clock = new SettableClock(NOW);
    private final CollectionChecks checks = new CollectionChecks();

    @BeforeEach
    void wire() {
        sources.byName.put(
                HistorySourceName.SIMULATED,
                new Source(
                        HistorySourceName.SIMULATED,
                        Set.of(BarSize.MIN_1, BarSize.DAY_1),
                        Set.of(WhatToShow.TRADES, WhatToShow.BID)));
        sources.byName.put(
                HistorySourceName.YAHOO,
                new Source(
                        HistorySourceName.YAHOO,
                        Set.of(BarSize.MIN_1, BarSize.DAY_1),
                        Set.of(WhatToShow.TRADES)));
        checks.catalog = new TwoInstruments();
        checks.sources = sources;
        checks.clock = clock;
    }

    private static CollectionRequest request(
            HistorySourceName source,
            List<String> symbols,
            BarSize size,
            WhatToShow series,
            Instant from,
            Instant to) {
        return new CollectionRequest(
                source, symbols, size, from, to, false, false, series, true, null);
    }

    private static CollectionRequest request(List<String> symbols) {
        return request(
                HistorySourceName.SIMULATED,
                symbols,
                BarSize.MIN_1,
                WhatToShow.TRADES,
                Instant.parse("2024-01-02T00:00:00Z"),
                Instant.parse("2024-03-01T00:00:00Z"));
    }

    private List<FieldError> refused(CollectionRequest request) {
        return assertThrows(HistoryFailureException.class, () -> checks.check(request)).errors();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aCollectionOfKnownInstrumentsFromASourceThatHasItsBarsPasses() {
        checks.check(request(List.of("AAPL", "MSFT")));
        checks.check(
                request(
                        HistorySourceName.SIMULATED,
                        List.of("AAPL"),
                        BarSize.DAY_1,
                        WhatToShow.BID,
                        Instant.parse("2020-01-01T00:00:00Z"),
                        null));
    }

    @Test
    void anInstrumentTickerdeskDoesNotKnowIsRefusedNamingInstruments() {
        List<FieldError> errors = refused(request(List.of("AAPL", "ZZZZ")));
        assertEquals(List.of("instruments"), fields(errors));
        assertTrue(errors.get(0).message().contains("ZZZZ"), errors::toString);
    }

    @Test
    void anInstrumentNamedTwiceIsRefusedNamingInstruments() {
        List<FieldError> errors = refused(request(List.of("AAPL", "MSFT", "AAPL")));
        assertEquals(List.of("instruments"), fields(errors));
        assertTrue(errors.get(0).message().contains("AAPL"), errors::toString);
        assertTrue(errors.get(0).message().contains("twice"), errors::toString);
    }

    @Test
    void eachUnknownAndEachRepeatedInstrumentIsNamedOnce() {
        List<FieldError> errors = refused(request(List.of("ZZZZ", "AAPL", "ZZZZ", "AAPL", "QQQ")));
        assertEquals(
                List.of("instruments", "instruments", "instruments", "instruments"),
                fields(errors));
    }

    @Test
    void aStartFurtherBackThanTheSourceKeepsItsBarsIsRefusedNamingFrom() {
        Instant thirtyOneDaysAgo = NOW.minus(Duration.ofDays(31));
        List<FieldError> errors =
                refused(
                        request(
                                HistorySourceName.YAHOO,
                                List.of("AAPL"),
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                thirtyOneDaysAgo,
                                NOW));
        assertEquals(List.of("from"), fields(errors));
        assertTrue(
                errors.get(0).message().startsWith("yahoo keeps 1m bars for the last 30 days only"),
                errors.get(0).message());
        checks.check(
                request(
                        HistorySourceName.YAHOO,
                        List.of("AAPL"),
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        NOW.minus(Duration.ofDays(29)),
                        NOW));
    }

    @Test
    void aBarSizeTheSourceLacksIsRefusedNamingBarSize() {
        List<FieldError> errors =
                refused(
                        request(
                                HistorySourceName.YAHOO,
                                List.of("AAPL"),
                                BarSize.SEC_1,
                                WhatToShow.TRADES,
                                Instant.parse("2024-03-01T00:00:00Z"),
                                Instant.parse("2024-03-02T00:00:00Z")));
        assertEquals(List.of("barSize"), fields(errors));
        assertEquals("yahoo has no 1s bars", errors.get(0).message());
    }

    @Test
    void aSeriesTheSourceLacksIsRefusedNamingWhatToShow() {
        List<FieldError> errors =
                refused(
                        request(
                                HistorySourceName.YAHOO,
                                List.of("AAPL"),
                                BarSize.DAY_1,
                                WhatToShow.MIDPOINT,
                                Instant.parse("2024-01-01T00:00:00Z"),
                                Instant.parse("2024-03-01T00:00:00Z")));
        assertEquals(List.of("whatToShow"), fields(errors));
        assertTrue(errors.get(0).message().contains("MIDPOINT"), errors::toString);
    }

    @Test
    void aSourceThatCannotBeUsedHereIsRefusedNamingSourceWithItsReason() {
        List<FieldError> errors =
                refused(
                        request(
                                HistorySourceName.IBKR,
                                List.of("AAPL"),
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                Instant.parse("2024-03-01T00:00:00Z"),
                                Instant.parse("2024-03-02T00:00:00Z")));
        assertEquals(List.of(new FieldError("source", "No ibkr source here")), errors);
    }

    @Test
    void fromMustBeInThePast() {
        List<FieldError> errors =
                refused(
                        request(
                                HistorySourceName.SIMULATED,
                                List.of("AAPL"),
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                NOW,
                                null));
        assertEquals(List.of("from"), fields(errors));
        assertTrue(errors.get(0).message().contains("2024-03-05T14:37:00Z"), errors::toString);
        checks.check(
                request(
                        HistorySourceName.SIMULATED,
                        List.of("AAPL"),
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        NOW.minusMillis(1),
                        null));
    }

    @Test
    void toMayBeNowButNotLater() {
        Instant from = Instant.parse("2024-03-05T00:00:00Z");
        checks.check(
                request(
                        HistorySourceName.SIMULATED,
                        List.of("AAPL"),
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        from,
                        NOW));
        List<FieldError> errors =
                refused(
                        request(
                                HistorySourceName.SIMULATED,
                                List.of("AAPL"),
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                from,
                                NOW.plusSeconds(1)));
        assertEquals(List.of("to"), fields(errors));
        assertTrue(errors.get(0).message().contains("now"), errors::toString);
    }

    @Test
    void theRangeIsJudgedByTheClockAsItIsNow() {
        CollectionRequest tomorrow =
                request(
                        HistorySourceName.SIMULATED,
                        List.of("AAPL"),
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        Instant.parse("2024-03-06T00:00:00Z"),
                        Instant.parse("2024-03-06T12:00:00Z"));
        assertEquals(List.of("from", "to"), fields(refused(tomorrow)));
        clock.advance(Duration.ofDays(1));
        checks.check(tomorrow);
    }

    @Test
    void everyFaultIsReportedAtOnce() {
        CollectionRequest everything =
                request(
                        HistorySourceName.YAHOO,
                        List.of("AAPL", "ZZZZ", "AAPL"),
                        BarSize.SEC_1,
                        WhatToShow.BID,
                        NOW.plusSeconds(60),
                        NOW.plusSeconds(120));
        HistoryFailureException e =
                assertThrows(HistoryFailureException.class, () -> checks.check(everything));
        assertEquals(HistoryFailureException.Kind.INVALID_REQUEST, e.kind());
        assertEquals(
                List.of("instruments", "instruments", "barSize", "whatToShow", "from", "to"),
                fields(e.errors()));
    }

    @Test
    void anUnavailableSourceIsReportedAlongsideTheOtherFaults() {
        CollectionRequest everything =
                request(
                        HistorySourceName.IBKR,
                        List.of("ZZZZ"),
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        NOW,
                        NOW.plusSeconds(60));
        assertEquals(List.of("instruments", "source", "from", "to"), fields(refused(everything)));
    }
}
