/**
 * The admin: the dashboard and the pages that gather several components. It stands on top of every
 * other component and reads them only through their {@code control} (never their tables, never the
 * ibkr adapter); no component depends on it. The dashboard's status cards come from every
 * component's {@code StatusContribution}, the platform's seam, so the admin shows IBKR's cards
 * without knowing the adapter, and a new component adds cards without changing the admin.
 */
package org.tickerdesk.admin;
