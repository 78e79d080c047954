/**
 * The values of the exit rules ({@link org.tickerdesk.positions.entity.ExitRules} and its parts)
 * and what a rule firing says ({@link org.tickerdesk.positions.entity.ExitSignal}). Each record
 * checks its invariants when it is made.
 */
package org.tickerdesk.positions.entity;
