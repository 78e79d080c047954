/**
 * Historical data from IB: the pacing gate that keeps IB's limits, {@code IbkrHistory} that sends
 * one paced request at a time, and {@code IbkrHistorySource}, history's SPI over it, with bar times
 * read in UTC. Stands on {@code contracts}, {@code session} and {@code wire}.
 */
package org.tickerdesk.ibkr.history;
