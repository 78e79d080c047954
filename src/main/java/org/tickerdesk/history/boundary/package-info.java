/**
 * How the world reaches history. REST: {@code /api/v1/jobs} starts (JSON, or a multipart CSV
 * upload), lists, follows, stops, restarts and abandons collections (private); {@code GET
 * /api/v1/bars/{symbol}} reads stored bars, {@code .../coverage} how much of a series is stored and
 * its gaps within the instrument's trading sessions (public reads, like quotes); the candles a
 * chart reads are analytics', which joins stored bars and live candles. Failures are problem
 * documents, written by the platform's mapper from the control's exceptions. The batch artifacts of
 * the {@code collect-history} job (partition mapper, reader, writer, listener) and the timers
 * (recovery at start-up, the daily cleanup) are here too. The admin's history pages have one bean
 * each: Collect ({@code CollectPage}) starts collections, Jobs ({@code JobsPage}) follows and
 * steers them, Data ({@code DataPage}) shows what is stored.
 */
package org.tickerdesk.history.boundary;
