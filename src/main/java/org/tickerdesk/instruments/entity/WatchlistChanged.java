package org.tickerdesk.instruments.entity;

/**
 * A contract joined ({@code watched}) or left the watchlist. Fired inside the changing transaction;
 * observers that act outside the database use {@code TransactionPhase.AFTER_SUCCESS}.
 */
public record WatchlistChanged(Contract contract, boolean watched) {}
