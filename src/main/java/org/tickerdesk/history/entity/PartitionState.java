package org.tickerdesk.history.entity;

import java.time.Instant;

/**
 * Where one instrument of a collection stands in the store, as its reader needs it on opening: its
 * symbol, the end its range was planned to and where its next window starts (both null until first
 * planned).
 */
public record PartitionState(String symbol, Instant plannedTo, Instant cursor) {}
