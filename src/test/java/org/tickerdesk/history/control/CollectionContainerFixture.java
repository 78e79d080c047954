package org.tickerdesk.history.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;

/** What the in-container collection tests ask for and wait for. */
final class CollectionContainerFixture {

    private CollectionContainerFixture() {}

    /** Simulated one-minute trade bars of {@code symbols}, all hours. */
    static CollectionRequest minuteBars(List<String> symbols, Instant from, Instant to) {
        return new CollectionRequest(
                HistorySourceName.SIMULATED,
                symbols,
                BarSize.MIN_1,
                from,
                to,
                false,
                false,
                WhatToShow.TRADES,
                false,
                null);
    }

    /** {@code symbol}, put on the watchlist unless it is known already. */
    static String watched(InstrumentCatalog catalog, String symbol) {
        if (catalog.find(symbol).isEmpty()) {
            catalog.watch(Contract.stock(symbol, "SMART"), "collection test");
        }
        return symbol;
    }

    /** The collection once it has ended; fails when it runs for longer than {@code within}. */
    static JobSnapshot awaitEnd(Duration within, CollectionJobs jobs, long id)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JobSnapshot job = jobs.find(id).orElseThrow();
            if (!job.status().isRunning()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Collection " + id + " did not end: " + jobs.find(id));
    }

    /** Returns once the collection has written {@code bars}; fails after a minute. */
    static void awaitBars(CollectionJobs jobs, long id, long bars) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (jobs.find(id).orElseThrow().barsWritten() >= bars) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Collection " + id + " wrote nothing: " + jobs.find(id));
    }
}
