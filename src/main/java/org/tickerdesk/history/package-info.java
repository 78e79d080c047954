/**
 * History: stored bars, where they come from, and the collections that fetch them. A bar is keyed
 * by instrument, bar size, series (what to show) and start time, so storing it twice is harmless
 * and a later fetch overwrites an earlier one. Bars come from a {@code HistorySource} (simulated,
 * IBKR, Yahoo, an uploaded CSV file) one window at a time. A collection is a row of {@code
 * collection_jobs} run by the Jakarta Batch job {@code collect-history}: one partition per
 * instrument, one chunk (and checkpoint) per window, retries for passing failures, gaps computed
 * within trading sessions, recovery after a dead server, a daily cleanup. Instruments are known
 * through the instruments catalog, never through its table.
 */
package org.tickerdesk.history;
