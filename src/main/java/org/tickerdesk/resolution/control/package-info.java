/**
 * Resolution's logic. {@link org.tickerdesk.resolution.control.ResolutionSource} is the SPI every
 * source implements: the simulated market's and the manual one here, IBKR's in the ibkr component.
 */
package org.tickerdesk.resolution.control;
