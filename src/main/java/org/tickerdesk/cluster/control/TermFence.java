package org.tickerdesk.cluster.control;

/**
 * Where leadership terms are counted outside the data grid, so that they survive a split grid: the
 * grid's lock decides who may lead, this decides which of two leaders is the newer one.
 */
public interface TermFence {

    /** Counts a new term for {@code member}, which has just taken the grid's lock; the term. */
    long claim(String member, java.time.Instant at);

    /** The newest term claimed by any member. */
    long newest();
}
