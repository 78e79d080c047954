/**
 * History: stored bars and where they come from. A bar is keyed by instrument, bar size, series
 * (what to show) and start time, so storing it twice is harmless and a later fetch overwrites an
 * earlier one. Bars come from a {@code HistorySource} (the SPI that IBKR implements) one window at
 * a time; {@code HistoryFetches} fetches a window and stores it, and {@code BarStore} keeps and
 * reads them. Instruments are known through the instruments catalog, never through its table. The
 * collection batch job, job tracking, gaps and cleanup belong here and come later.
 */
package org.tickerdesk.history;
