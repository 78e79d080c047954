/**
 * History's logic: the {@code HistorySource} SPI and its built-in sources (simulated, Yahoo, CSV),
 * the idempotent bar store ({@code BarStore}, which copies a window into a staging table and
 * upserts it in one statement), the coverage of a stored series and its gaps within the
 * instrument's trading sessions ({@code Coverage}, {@code TradingSessions}), the collections
 * ({@code CollectionJobs} starts, steers and recovers them outside any transaction, {@code
 * CollectionRuns} is what the batch job's reader and writer do, {@code CollectionStore} keeps them,
 * {@code WindowFetcher} retries a source), and the checking of what callers ask ({@code
 * CollectionInput}, {@code CollectionChecks}, {@code ReadInput}). Testable without a container, but
 * for the SQL and the batch runtime, which the in-container tests run.
 */
package org.tickerdesk.history.control;
