/**
 * How the in-container tests ({@code *ContainerIT}) run: Arquillian boots Payara Micro once for all
 * of them, on the built WAR with the tests added, against an embedded PostgreSQL that lives only as
 * long as the test run. Everything here runs in the test JVM; only {@link
 * org.tickerdesk.testing.container.TimerProbe} is deployed with the tests.
 */
package org.tickerdesk.testing.container;
