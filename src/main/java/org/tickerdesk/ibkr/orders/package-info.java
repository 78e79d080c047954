/**
 * Orders at IB: {@code IbkrBroker}, trading's SPI over the session, the order encoding and the
 * tracking that matches TWS's open orders and executions to Tickerdesk's by orderRef after every
 * (re)connect. Stands on {@code contracts}, {@code session} and {@code wire}.
 */
package org.tickerdesk.ibkr.orders;
