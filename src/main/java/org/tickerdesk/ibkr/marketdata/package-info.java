/**
 * Market data from IB: {@code IbkrMarketData}, the source behind marketdata's SPI, with its line
 * book (the account's line limit), tick routing, quote assembly and hand-off off the reader thread,
 * and IB's market-data errors. Stands on {@code contracts}, {@code session} and {@code wire}.
 */
package org.tickerdesk.ibkr.marketdata;
