/**
 * Instruments' logic: the catalog and the watchlist, the default watchlist, front months, the
 * checking of what callers ask for, and the {@code ContractLookup} SPI with {@code
 * ContractLookups}, the one place its implementation is chosen. Knows no broker: IBKR's lookup
 * arrives through the SPI.
 */
package org.tickerdesk.instruments.control;
