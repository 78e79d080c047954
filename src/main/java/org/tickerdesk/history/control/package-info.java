/**
 * History's logic: the {@code HistorySource} SPI, fetching a window and storing it ({@code
 * HistoryFetches}), the idempotent bar store ({@code BarStore}) and the checking of what callers
 * ask for ({@code HistoryInput}). Testable without a container.
 */
package org.tickerdesk.history.control;
