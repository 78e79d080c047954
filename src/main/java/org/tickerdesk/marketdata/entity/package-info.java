/**
 * Market data's values: quotes, news, the source's status, the demand event, and the ticks and
 * paths injected into the simulated market. Plain values, no CDI, no logic beyond their own
 * invariants.
 */
package org.tickerdesk.marketdata.entity;
