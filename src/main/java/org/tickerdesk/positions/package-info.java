/**
 * Positions and the exit engine that guards them: each position's entry, quantity and P&amp;L, and
 * the rules (stop-loss, break-even, trailing stop, take-profit ladder, time limit, ROI table) that
 * close it on the server. So far the rules and their evaluation on prices; the store, the orders
 * they place and the pages come next.
 */
package org.tickerdesk.positions;
