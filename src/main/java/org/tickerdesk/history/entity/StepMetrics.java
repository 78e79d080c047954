package org.tickerdesk.history.entity;

/**
 * One partition's counts in one execution, in Jakarta Batch's terms: windows read, bars written,
 * bars skipped, windows committed (one checkpoint each), rollbacks.
 */
public record StepMetrics(
        String partition, long read, long write, long skip, long commit, long rollback) {}
