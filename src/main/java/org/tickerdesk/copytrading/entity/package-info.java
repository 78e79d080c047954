/**
 * Copy trading's values: a followed trader's settings (sizing, caps, filters, the rules of the
 * positions copied from them), the trades their feed reports, and why a trade was not copied.
 */
package org.tickerdesk.copytrading.entity;
