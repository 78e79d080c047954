/**
 * Cluster: which member of a Tickerdesk cluster leads. Every instance competes for one lock of
 * Payara's data grid; the holder leads (holds the IBKR session and runs the once-per-cluster tasks)
 * and steps down the moment it can no longer prove it holds the lock. Without clustering the one
 * instance leads from start-up.
 */
package org.tickerdesk.cluster;
