/**
 * How the world reaches the admin: the dashboard page ({@code webapp/admin/index.xhtml}), which
 * renders the status board's snapshot, and the timer that refreshes the board and fires each change
 * as a {@code StatusChanged} event, which the private {@code status} stream of {@code /ws/market}
 * carries to the open dashboards. No logic of its own and no database access.
 */
package org.tickerdesk.admin.boundary;
