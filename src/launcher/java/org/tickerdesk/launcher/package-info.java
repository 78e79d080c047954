/**
 * The launcher: the small program behind {@code java -jar target/tickerdesk.jar}. It checks the
 * configuration, starts the embedded PostgreSQL (unless an external one is configured), boots
 * Payara Micro in-process with the post-boot commands from {@code server-config/}, deploys the
 * Tickerdesk WAR at {@code /} and waits until it is ready. It is built into the runnable jar and
 * never into the WAR, which runs unchanged on any Jakarta EE 10 server.
 */
package org.tickerdesk.launcher;
