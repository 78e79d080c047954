/**
 * What TWS sends about orders: open orders, order statuses, executions and commission reports.
 * Records only; decoded in {@code ibkr.wire}, read by {@code ibkr.orders}.
 */
package org.tickerdesk.ibkr.wire.messages.orders;
