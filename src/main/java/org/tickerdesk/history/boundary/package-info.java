/**
 * How the world reaches history: {@code /api/v1/history/fetch} to fetch and store one window and
 * {@code /api/v1/history/bars} to read stored bars. Failures are problem documents, written by the
 * platform's mapper from {@link org.tickerdesk.history.control.HistoryFailureException}. The
 * admin's history pages have one bean each: Collect ({@code CollectPage}) starts collections, Jobs
 * ({@code JobsPage}) follows and steers them, Data ({@code DataPage}) shows what is stored.
 */
package org.tickerdesk.history.boundary;
