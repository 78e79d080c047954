/**
 * Copy trading's logic: the copy decision (filters with reasons, sizing, caps, the copy stop-loss,
 * the leader's exits), the fidelity and performance statistics of what was copied, and the
 * simulated leaders that trade the simulated market.
 */
package org.tickerdesk.copytrading.control;
