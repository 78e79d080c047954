/**
 * Copy trading's logic: the followed traders, kept in PostgreSQL ({@link
 * org.tickerdesk.copytrading.control.TraderStore}), changed through {@link
 * org.tickerdesk.copytrading.control.Traders}, read as JSON strictly ({@link
 * org.tickerdesk.copytrading.control.TraderJson}) and served to the hot path from JCache ({@link
 * org.tickerdesk.copytrading.control.WatchedTraders}); the copy decision (filters with reasons,
 * sizing, caps, the copy stop-loss, the leader's exits), the fidelity and performance statistics of
 * what was copied, and the simulated leaders that trade the simulated market; the trade intake
 * ({@link org.tickerdesk.copytrading.control.Intake}): every leader trade written first to the
 * {@link org.tickerdesk.copytrading.control.IntakeLog}, decided in one transaction ({@link
 * org.tickerdesk.copytrading.control.CopyDesk}, {@link
 * org.tickerdesk.copytrading.control.CopyDecisions}) and copied through the order desk, and the
 * signed webhook feed ({@link org.tickerdesk.copytrading.control.WebhookTrades}). The feeds trades
 * come from are an SPI ({@link org.tickerdesk.copytrading.control.TradeFeed}, chosen by name in
 * {@link org.tickerdesk.copytrading.control.TradeFeeds}): the webhook (passive), the simulated
 * leaders (built in) and IBKR's executions (in the ibkr component).
 */
package org.tickerdesk.copytrading.control;
