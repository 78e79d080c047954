/**
 * Copy trading's values: a followed trader's settings (sizing, caps, filters, the rules of the
 * positions copied from them), the trader as stored ({@link
 * org.tickerdesk.copytrading.entity.Trader}, the cache's {@link
 * org.tickerdesk.copytrading.entity.StoredTrader}) and shown, the change fired after each edit, the
 * trades their feed reports, and why a trade was not copied.
 */
package org.tickerdesk.copytrading.entity;
