/**
 * Resolution: finds the instruments that expired or await an outcome, asks the configured
 * resolution source what they settled at, and settles their open positions through trading; what no
 * source can determine stays awaiting resolution, shown and never guessed.
 */
package org.tickerdesk.resolution;
