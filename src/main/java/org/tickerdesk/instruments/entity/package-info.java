/**
 * Instruments' values and the stored {@code Instrument}: contracts, queries, matches, details and
 * the watchlist event. No logic beyond each value's own invariants.
 */
package org.tickerdesk.instruments.entity;
