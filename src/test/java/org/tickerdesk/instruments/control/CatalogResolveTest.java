package org.tickerdesk.instruments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentDetails;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.instruments.entity.WatchlistChanged;

/**
 * Resolving at the broker: what the catalog stores for each answer, and that a failure stores
 * nothing.
 */
class CatalogResolveTest {

    private static final ContractQuery AAPL_QUERY =
            ContractQuery.bySymbol("AAPL", InstrumentKind.STOCK, null, null, null);
    private static final Contract AAPL_NASDAQ =
            new Contract(
                    "AAPL", InstrumentKind.STOCK, "NASDAQ", "USD", new BigDecimal("0.01"), null);
    private static final ContractMatch AAPL =
            new ContractMatch(
                    AAPL_NASDAQ,
                    new InstrumentDetails(
                            265598,
                            null,
                            "APPLE INC",
                            "US/Eastern",
                            "20251121:0400-20251121:2000",
                            "20251121:0930-20251121:1600"));

    private final InMemoryInstruments db = new InMemoryInstruments();

    private InstrumentCatalog answering(ContractMatch... matches) {
        return db.catalog(query -> List.of(matches));
    }

    @Test
    void aNewInstrumentIsStoredWithTheBrokersDetailsAndWatched() {
        InstrumentCatalog.Resolution resolved = answering(AAPL).resolve(AAPL_QUERY);

        assertTrue(resolved.created());
        Instrument aapl = resolved.instrument();
        assertEquals(List.of(aapl), db.rows);
        assertEquals(AAPL_NASDAQ, aapl.contract());
        assertEquals(265598, aapl.conId());
        assertEquals("APPLE INC", aapl.longName());
        assertEquals("US/Eastern", aapl.timeZone());
        assertEquals("20251121:0930-20251121:1600", aapl.liquidHours());
        assertNotNull(aapl.resolvedAt());
        assertTrue(aapl.onWatchlist());
        assertEquals(List.of(new WatchlistChanged(AAPL_NASDAQ, true)), db.events);
    }

    @Test
    void aFailedLookupCreatesNothing() {
        InstrumentCatalog catalog =
                db.catalog(
                        query -> {
                            throw new LookupFailedException(
                                    LookupFailedException.Reason.NO_SUCH_INSTRUMENT,
                                    "No such instrument at IBKR: NOSUCH stock");
                        });
        LookupFailedException failure =
                assertThrows(
                        LookupFailedException.class,
                        () ->
                                catalog.resolve(
                                        ContractQuery.bySymbol(
                                                "NOSUCH", InstrumentKind.STOCK, null, null, null)));
        assertEquals("No such instrument at IBKR: NOSUCH stock", failure.getMessage());
        assertTrue(db.rows.isEmpty());
        assertTrue(db.events.isEmpty());
    }

    @Test
    void severalMatchesAreRefusedWithEveryOneListed() {
        ContractMatch sapUsd =
                new ContractMatch(
                        new Contract(
                                "SAP",
                                InstrumentKind.STOCK,
                                "NYSE",
                                "USD",
                                new BigDecimal("0.01"),
                                null),
                        new InstrumentDetails(
                                33260814, null, "SAP SE-SPONSORED ADR", null, null, null));
        ContractMatch sapEur =
                new ContractMatch(
                        new Contract(
                                "SAP",
                                InstrumentKind.STOCK,
                                "IBIS",
                                "EUR",
                                new BigDecimal("0.02"),
                                null),
                        new InstrumentDetails(14204, null, "SAP SE", null, null, null));

        LookupFailedException failure =
                assertThrows(
                        LookupFailedException.class,
                        () ->
                                answering(sapUsd, sapEur)
                                        .resolve(
                                                ContractQuery.bySymbol(
                                                        "SAP",
                                                        InstrumentKind.STOCK,
                                                        null,
                                                        null,
                                                        null)));

        assertEquals(LookupFailedException.Reason.AMBIGUOUS, failure.reason());
        assertEquals(List.of(sapUsd, sapEur), failure.matches());
        assertTrue(
                failure.getMessage().startsWith("2 contracts match SAP stock; narrow it"),
                failure.getMessage());
        assertTrue(
                failure.getMessage().contains("SAP stock on IBIS in EUR, conId 14204 (SAP SE)"),
                failure.getMessage());
        assertTrue(db.rows.isEmpty());
    }

    @Test
    void aKnownInstrumentTakesTheBrokersDetailsAndKeepsItsDescription() {
        Instrument known = new Instrument(Contract.stock("AAPL", "SMART"), "Apple");
        db.rows.add(known);

        InstrumentCatalog.Resolution resolved = answering(AAPL).resolve(AAPL_QUERY);

        assertFalse(resolved.created());
        assertEquals(List.of(known), db.rows);
        assertEquals(AAPL_NASDAQ, known.contract());
        assertEquals(265598, known.conId());
        assertEquals("Apple", known.description());
        assertTrue(db.events.isEmpty(), "it was watched already");
    }

    @Test
    void aKnownInstrumentOffTheWatchlistReturnsToIt() {
        Instrument known = new Instrument(Contract.stock("AAPL", "SMART"), null);
        known.unwatch();
        db.rows.add(known);

        answering(AAPL).resolve(AAPL_QUERY);

        assertTrue(known.onWatchlist());
        assertEquals(List.of(new WatchlistChanged(AAPL_NASDAQ, true)), db.events);
    }

    @Test
    void theSameContractUnderAnotherSymbolIsUpdatedNotDuplicated() {
        Instrument apple =
                new Instrument(
                        new ContractMatch(
                                new Contract(
                                        "APPLE",
                                        InstrumentKind.STOCK,
                                        "NASDAQ",
                                        "USD",
                                        new BigDecimal("0.01"),
                                        null),
                                AAPL.details()),
                        Instant.parse("2025-11-01T00:00:00Z"));
        db.rows.add(apple);

        InstrumentCatalog.Resolution resolved =
                answering(AAPL).resolve(ContractQuery.byConId(265598));

        assertEquals(apple, resolved.instrument());
        assertEquals(1, db.rows.size());
        assertEquals("APPLE", apple.symbol());
        assertTrue(apple.resolvedAt().isAfter(Instant.parse("2025-11-01T00:00:00Z")));
    }

    @Test
    void anAnswerForAnotherContractChangesNothing() {
        Instrument known = new Instrument(AAPL, Instant.parse("2025-11-01T00:00:00Z"));
        db.rows.add(known);
        ContractMatch other =
                new ContractMatch(
                        new Contract(
                                "AAPL",
                                InstrumentKind.STOCK,
                                "MEXI",
                                "MXN",
                                new BigDecimal("0.01"),
                                null),
                        new InstrumentDetails(38708077, null, "APPLE INC", null, null, null));

        InvalidInstrumentException refused =
                assertThrows(
                        InvalidInstrumentException.class,
                        () -> answering(other).resolve(AAPL_QUERY));

        assertTrue(
                refused.getMessage()
                        .startsWith("AAPL is the broker's contract 265598, not 38708077"),
                refused.getMessage());
        assertEquals(AAPL_NASDAQ, known.contract());
        assertEquals(265598, known.conId());
        assertEquals(Instant.parse("2025-11-01T00:00:00Z"), known.resolvedAt());
        assertEquals(1, db.rows.size());
    }

    @Test
    void anAnswerOfAnotherKindChangesNothing() {
        Instrument stock = new Instrument(Contract.stock("ESZ6", "SMART"), null);
        db.rows.add(stock);
        ContractMatch future =
                new ContractMatch(
                        new Contract(
                                "ESZ6",
                                InstrumentKind.FUTURE,
                                "CME",
                                "USD",
                                new BigDecimal("0.25"),
                                LocalDate.of(2026, 12, 18)),
                        new InstrumentDetails(
                                495512552,
                                new BigDecimal("50"),
                                "E-mini S&P 500",
                                null,
                                null,
                                null));

        InvalidInstrumentException refused =
                assertThrows(
                        InvalidInstrumentException.class,
                        () ->
                                answering(future)
                                        .resolve(
                                                ContractQuery.bySymbol(
                                                        "ESZ6",
                                                        InstrumentKind.FUTURE,
                                                        "CME",
                                                        null,
                                                        null)));

        assertTrue(refused.getMessage().contains("is known as a stock"), refused.getMessage());
        assertNull(stock.conId());
        assertEquals(Contract.stock("ESZ6", "SMART"), stock.contract());
    }

    @Test
    void withoutABrokerTheLookupSaysSoAndStoresNothing() {
        InstrumentCatalog catalog = db.catalog(ContractLookup.unavailable("IBKR is not used here"));
        assertFalse(catalog.lookupAvailable());
        LookupFailedException failure =
                assertThrows(LookupFailedException.class, () -> catalog.resolve(AAPL_QUERY));
        assertEquals(LookupFailedException.Reason.NOT_USED, failure.reason());
        assertEquals("IBKR is not used here", failure.getMessage());
        assertTrue(db.rows.isEmpty());
    }
}
