/**
 * History's logic: the {@code HistorySource} SPI, the idempotent bar store ({@code BarStore}, which
 * copies a window into a staging table and upserts it in one statement), the coverage of a stored
 * series and its gaps within the instrument's trading sessions ({@code Coverage}, {@code
 * TradingSessions}), and the checking of what callers ask to read ({@code ReadInput}). Testable
 * without a container, but for the SQL, which the in-container tests run.
 */
package org.tickerdesk.history.control;
