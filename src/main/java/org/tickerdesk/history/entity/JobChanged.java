package org.tickerdesk.history.entity;

/**
 * A CDI event: a collection changed (progress, status). Fired after the change is committed, at
 * most a few times a second per job, for the {@code jobs} stream and the Jobs page.
 */
public record JobChanged(JobSnapshot job) {}
