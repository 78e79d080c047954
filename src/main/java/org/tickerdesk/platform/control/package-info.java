/**
 * The platform's logic: migrations before anything touches the database, accounts, API tokens and
 * password hashing, the login throttle, the database status, reading JSON fields, the one place the
 * configured upstream (tickerdesk.source, tickerdesk.trading) is read, {@code StatusContribution},
 * through which any component puts cards on the dashboard, and {@code Lane}, a thread of the
 * server's that runs the work handed to it in order. Never imports another component, nor JAX-RS or
 * WebSocket types: an error that must become an HTTP answer is mapped in a boundary.
 */
package org.tickerdesk.platform.control;
