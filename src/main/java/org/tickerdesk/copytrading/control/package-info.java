/**
 * Copy trading's logic: the followed traders, kept in PostgreSQL ({@link
 * org.tickerdesk.copytrading.control.TraderStore}), changed through {@link
 * org.tickerdesk.copytrading.control.Traders}, read as JSON strictly ({@link
 * org.tickerdesk.copytrading.control.TraderJson}) and served to the hot path from JCache ({@link
 * org.tickerdesk.copytrading.control.WatchedTraders}); the copy decision (filters with reasons,
 * sizing, caps, the copy stop-loss, the leader's exits), the fidelity and performance statistics of
 * what was copied, and the simulated leaders that trade the simulated market.
 */
package org.tickerdesk.copytrading.control;
