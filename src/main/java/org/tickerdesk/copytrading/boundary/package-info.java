/**
 * How the world reaches copy trading: the traders' REST API, the Traders and Trader pages, and the
 * {@code traders-refresh} task of the tasks console.
 */
package org.tickerdesk.copytrading.boundary;
