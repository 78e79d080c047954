/**
 * How the application reaches the adapter: {@code TwsLink}, the one session with TWS started with
 * the application; the producers that hand IBKR's implementations to other components' SPIs (market
 * data, history, broker, contract lookup, resolution), each qualified with the configured name it
 * stands for; the news feed; readiness; the dashboard's IBKR status cards and {@code /api/v1/ibkr}.
 * Nothing below this package may import it.
 */
package org.tickerdesk.ibkr.boundary;
