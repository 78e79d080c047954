/**
 * What TWS sends about the account: its positions, one message per account and contract, and the
 * end of their first report. Records only; decoded in {@code ibkr.wire}, read by {@code
 * ibkr.account}.
 */
package org.tickerdesk.ibkr.wire.messages.account;
