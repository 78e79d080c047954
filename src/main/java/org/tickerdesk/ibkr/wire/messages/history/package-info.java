/**
 * What TWS sends about historical data: bars, the end of a request, and bars that cannot be.
 * Records only; decoded in {@code ibkr.wire}, read by {@code ibkr.history}.
 */
package org.tickerdesk.ibkr.wire.messages.history;
