/**
 * Trading's logic. The {@link org.tickerdesk.trading.control.Broker} SPI is what every broker
 * implements: the {@link org.tickerdesk.trading.control.PaperBroker} here, Tickerdesk's own
 * simulation and the default, and the IBKR broker of the ibkr component, which is used only when
 * {@code tickerdesk.trading=ibkr}. The {@link org.tickerdesk.trading.control.OrderDesk} checks an
 * order, stores it before any broker sees it, hands it to the configured broker and applies what
 * the broker reports (acceptance, fills, commission, cancellation, rejection, an unknown fate after
 * a lost connection) to the stored order, one report at a time, announcing each change as a CDI
 * event.
 */
package org.tickerdesk.trading.control;
