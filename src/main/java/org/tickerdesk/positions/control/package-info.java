/**
 * The exit engine's logic: {@link org.tickerdesk.positions.control.ExitWatch} follows one
 * position's prices and says which of its rules fire.
 */
package org.tickerdesk.positions.control;
