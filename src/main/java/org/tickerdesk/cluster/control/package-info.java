/**
 * Leadership: the lock-and-token protocol on the data grid ({@link
 * org.tickerdesk.cluster.control.LeaderLease}) and the singleton that runs it on every instance and
 * tells the rest of Tickerdesk whether this instance leads ({@link
 * org.tickerdesk.cluster.control.Leadership}).
 */
package org.tickerdesk.cluster.control;
