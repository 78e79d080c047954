package org.tickerdesk.resolution.entity;

/**
 * Where an instrument's resolution stands: {@code AWAITING} while no source can tell what it
 * settled at (shown with the reason, never guessed); {@code RESOLVED} once one did, for good.
 */
public enum ResolutionState {
    AWAITING,
    RESOLVED
}
