/**
 * How the world reaches the admin: the dashboard page ({@code webapp/admin/index.xhtml}), which
 * renders the status board's snapshot; the {@code /admin/status} WebSocket that pushes the status
 * to the open dashboards; and the timer that refreshes the board and pushes each change. No logic
 * of its own and no database access.
 */
package org.tickerdesk.admin.boundary;
