/**
 * The admin's Faces beans: what the dashboard ({@code webapp/admin/index.xhtml}) shows, gathered
 * from the other components' control classes. No logic of its own and no database access.
 */
package org.tickerdesk.admin.boundary;
