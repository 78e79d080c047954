/**
 * History's values: a {@code Bar} with its invariants, bar sizes as the API writes them, series,
 * the window a source is asked for and what it answered, the collection ({@code CollectionJob}, a
 * guarded state machine following Jakarta Batch's states) with its request, progress and
 * statistics, and coverage reports.
 */
package org.tickerdesk.history.entity;
