package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.FetchedWindow;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.Lookback;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.history.entity.WindowRequest;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;

/** Fetching a window and storing it, with the catalog, the store and the source stood in for. */
class HistoryFetchesTest {

    private static final Instant END = Instant.parse("2025-11-20T21:00:00Z");
    private static final Instant NOW = Instant.parse("2025-11-20T21:00:05Z");
    private static final WindowRequest AAPL_DAY =
            new WindowRequest(
                    "AAPL", BarSize.MIN_1, Lookback.parse("1 D"), END, WhatToShow.TRADES, true);

    private final List<HistoryWindow> asked = new ArrayList<>();
    private final List<String> stored = new ArrayList<>();
    private List<Bar> answer = List.of();
    private RuntimeException failure;
    private final HistoryFetches fetches = new HistoryFetches();

    private final HistorySource source =
            new HistorySource() {
                @Override
                public String name() {
                    return "ibkr";
                }

                @Override
                public List<Bar> bars(HistoryWindow window, Duration timeout) {
                    asked.add(window);
                    assertEquals(Duration.ofSeconds(120), timeout);
                    if (failure != null) {
                        throw failure;
                    }
                    return answer;
                }
            };

    @BeforeEach
    void wire() throws Exception {
        Instrument aapl = new Instrument(Contract.stock("AAPL", "SMART"), "Apple");
        Field id = Instrument.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(aapl, 7L);
        fetches.catalog =
                new InstrumentCatalog() {
                    @Override
                    public Optional<Instrument> find(String symbol) {
                        return symbol.equals("AAPL") ? Optional.of(aapl) : Optional.empty();
                    }
                };
        fetches.store =
                new BarStore() {
                    @Override
                    public int upsert(
                            long instrumentId,
                            BarSize barSize,
                            WhatToShow whatToShow,
                            String from,
                            Instant fetchedAt,
                            List<Bar> bars) {
                        stored.add(
                                instrumentId
                                        + " "
                                        + barSize.label()
                                        + " "
                                        + whatToShow
                                        + " "
                                        + from
                                        + " "
                                        + fetchedAt
                                        + " "
                                        + bars.size());
                        return bars.size();
                    }
                };
        fetches.source = source;
        fetches.timeoutSeconds = 120;
        fetches.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private static Bar bar(String start) {
        BigDecimal price = new BigDecimal("189.5");
        return new Bar(Instant.parse(start), price, price, price, price, null, null, null);
    }

    @Test
    void aWindowIsFetchedForTheInstrumentsContractAndStoredUnderItsId() {
        answer =
                List.of(
                        bar("2025-11-20T14:31:00Z"),
                        bar("2025-11-20T14:30:00Z"),
                        bar("2025-11-20T20:59:00Z"));
        FetchedWindow fetched = fetches.fetch(AAPL_DAY);
        assertEquals(
                new FetchedWindow(
                        "AAPL",
                        BarSize.MIN_1,
                        WhatToShow.TRADES,
                        "ibkr",
                        3,
                        Instant.parse("2025-11-20T14:30:00Z"),
                        Instant.parse("2025-11-20T20:59:00Z")),
                fetched);
        assertEquals(
                List.of(
                        new HistoryWindow(
                                Contract.stock("AAPL", "SMART"),
                                BarSize.MIN_1,
                                END,
                                Lookback.parse("1 D"),
                                WhatToShow.TRADES,
                                true)),
                asked);
        assertEquals(List.of("7 1 min TRADES ibkr 2025-11-20T21:00:05Z 3"), stored);
    }

    @Test
    void anEmptyWindowStoresNothing() {
        FetchedWindow fetched = fetches.fetch(AAPL_DAY);
        assertEquals(0, fetched.stored());
        assertNull(fetched.first());
        assertNull(fetched.last());
        assertEquals(List.of(), stored);
    }

    @Test
    void aSymbolTickerdeskDoesNotKnowIsNeverAskedFor() {
        HistoryFailureException e =
                assertThrows(
                        HistoryFailureException.class,
                        () ->
                                fetches.fetch(
                                        new WindowRequest(
                                                "MSFT",
                                                BarSize.MIN_1,
                                                Lookback.parse("1 D"),
                                                END,
                                                WhatToShow.TRADES,
                                                true)));
        assertEquals(HistoryFailureException.Kind.UNKNOWN_INSTRUMENT, e.kind());
        assertEquals(
                "MSFT is not an instrument Tickerdesk knows; add it first (POST"
                        + " /api/v1/instruments)",
                e.getMessage());
        assertEquals(List.of(), asked);
    }

    @Test
    void withoutIbkrThereIsNoHistorySource() {
        HistorySources configured = new HistorySources();
        configured.upstream = new Upstream(SourceName.SIMULATED, BrokerName.PAPER);
        fetches.source = configured.configured();
        HistoryFailureException e =
                assertThrows(HistoryFailureException.class, () -> fetches.fetch(AAPL_DAY));
        assertEquals(HistoryFailureException.Kind.NO_SOURCE, e.kind());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Historical bars come from IBKR, which this server does not use:"
                                        + " set TICKERDESK_SOURCE=ibkr or TICKERDESK_TRADING=ibkr"),
                e.getMessage());
        assertEquals(List.of(), asked);
    }

    @Test
    void aWindowTheSourceFailsStoresNothing() {
        failure =
                new HistoryFailureException(
                        HistoryFailureException.Kind.CORRUPT_DATA, "IB sent an impossible bar");
        HistoryFailureException e =
                assertThrows(HistoryFailureException.class, () -> fetches.fetch(AAPL_DAY));
        assertEquals(HistoryFailureException.Kind.CORRUPT_DATA, e.kind());
        assertEquals(List.of(), stored);
    }
}
