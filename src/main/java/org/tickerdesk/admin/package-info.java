/**
 * The admin: the dashboard and the pages that gather several components. It stands on top of every
 * other component and reads them only through their {@code control} (never their tables, never the
 * ibkr adapter, whose own cards it shows by their Faces name); no component depends on it.
 */
package org.tickerdesk.admin;
