/**
 * Instruments: stocks, futures, options and event contracts, their contract details (exchange,
 * currency, tick size, expiry) and the watchlist of what Tickerdesk follows. Other components read
 * instruments through {@code InstrumentCatalog} and learn of watchlist changes from its CDI events.
 */
package org.tickerdesk.instruments;
