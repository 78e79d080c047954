/**
 * History's values: a {@code Bar} with its invariants, bar sizes, series and lookbacks as IB spells
 * them, the window a source is asked for, and what a fetch stored.
 */
package org.tickerdesk.history.entity;
