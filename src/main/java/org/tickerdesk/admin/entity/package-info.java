/**
 * The admin's values: the dashboard's status snapshot, compared period by period to know whether
 * anything changed. Plain values: no CDI.
 */
package org.tickerdesk.admin.entity;
