/**
 * Copy trading's logic: the followed traders, kept in PostgreSQL ({@link
 * org.tickerdesk.copytrading.control.TraderStore}), changed through {@link
 * org.tickerdesk.copytrading.control.Traders}, read as JSON strictly ({@link
 * org.tickerdesk.copytrading.control.TraderJson}), and served to the hot path from JCache ({@link
 * org.tickerdesk.copytrading.control.WatchedTraders}).
 */
package org.tickerdesk.copytrading.control;
