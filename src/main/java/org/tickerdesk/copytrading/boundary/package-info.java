/**
 * How the world reaches copy trading: the traders' REST API (with the signed webhook of their
 * trades and their intake), the Traders and Trader pages (with the intake and the copied
 * positions), and the {@code traders-refresh}, {@code copy-filter}, {@code simulated-leaders} and
 * {@code ibkr-executions} tasks of the tasks console.
 */
package org.tickerdesk.copytrading.boundary;
