package org.tickerdesk.marketdata.entity;

/**
 * News stored for the first time; a repeat of stored news is not announced again. Fired inside the
 * storing transaction: observers that act outside the database use {@code
 * TransactionPhase.AFTER_SUCCESS}.
 */
public record NewsPublished(News news) {}
