/**
 * The account at IB: {@code IbkrHoldings}, what the account holds by IB's own figures, asked for
 * with {@code reqPositions} after every (re)connect and kept current from TWS's position reports.
 * Stands on {@code contracts} (to name a contract as Tickerdesk does), {@code session} and {@code
 * wire}.
 */
package org.tickerdesk.ibkr.account;
