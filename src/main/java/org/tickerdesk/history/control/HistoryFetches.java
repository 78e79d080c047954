package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.FetchedWindow;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.WindowRequest;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Instrument;

/**
 * Fetches one window of bars from the configured history source and stores it. IBKR is the only
 * source: without it every fetch fails with NO_SOURCE ({@link HistorySources}). The fetch runs
 * outside any transaction, since IB's pacing may hold it for minutes; only the store is
 * transactional, and a window the source refuses or sends corrupt stores nothing.
 */
@ApplicationScoped
public class HistoryFetches {

    private static final Logger LOG = Logger.getLogger(HistoryFetches.class.getName());

    @Inject InstrumentCatalog catalog;

    @Inject BarStore store;

    /** The configured one, chosen by {@link HistorySources}. */
    @Inject HistorySource source;

    @Inject
    @ConfigProperty(name = "tickerdesk.history.fetch-timeout-seconds")
    int timeoutSeconds;

    Clock clock = Clock.systemUTC();

    /** A window asked for by symbol. */
    public FetchedWindow fetch(WindowRequest request) {
        Instrument instrument =
                catalog.find(request.symbol())
                        .orElseThrow(
                                () -> HistoryFailureException.unknownInstrument(request.symbol()));
        return fetch(
                instrument.id(),
                new HistoryWindow(
                        instrument.contract(),
                        request.barSize(),
                        request.end(),
                        request.lookback(),
                        request.whatToShow(),
                        request.regularHoursOnly()));
    }

    /** A window of an instrument the caller has already found (the collection job). */
    public FetchedWindow fetch(long instrumentId, HistoryWindow window) {
        List<Bar> bars = source.bars(window, Duration.ofSeconds(timeoutSeconds));
        int stored =
                bars.isEmpty()
                        ? 0
                        : store.upsert(
                                instrumentId,
                                window.barSize(),
                                window.whatToShow(),
                                source.name(),
                                clock.instant(),
                                bars);
        Instant first = bars.stream().map(Bar::start).min(Comparator.naturalOrder()).orElse(null);
        Instant last = bars.stream().map(Bar::start).max(Comparator.naturalOrder()).orElse(null);
        LOG.info(
                () ->
                        "Stored "
                                + stored
                                + " bars of "
                                + window.describe()
                                + " from "
                                + source.name());
        return new FetchedWindow(
                window.contract().symbol(),
                window.barSize(),
                window.whatToShow(),
                source.name(),
                stored,
                first,
                last);
    }
}
