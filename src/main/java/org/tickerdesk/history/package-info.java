/**
 * History: stored bars and where they come from. A bar is keyed by instrument, bar size, series
 * (what to show) and start time, so storing it twice is harmless and a later fetch overwrites an
 * earlier one. Bars come from a {@code HistorySource} (simulated, IBKR, Yahoo, CSV) one window at a
 * time; {@code BarStore} keeps them and reads them back, and {@code Coverage} tells how much of a
 * series is stored and where it has gaps within the instrument's trading sessions. Instruments are
 * known through the instruments catalog, never through its table.
 */
package org.tickerdesk.history;
