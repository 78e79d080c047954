/**
 * Market data's values: quotes, news, the source's status and the demand event. Plain values, no
 * CDI, no logic beyond their own invariants.
 */
package org.tickerdesk.marketdata.entity;
