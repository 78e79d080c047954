package org.tickerdesk.history.entity;

/**
 * A CDI event inside history: a collection's window was written, in the transaction that wrote it;
 * observed after that transaction commits to publish the progress.
 */
public record WindowStored(long jobId) {}
