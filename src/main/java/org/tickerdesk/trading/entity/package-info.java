/**
 * What trading is made of: the {@link org.tickerdesk.trading.entity.Order} a trader or a program
 * places and the {@link org.tickerdesk.trading.entity.Fill}s a broker reports for it, both stored
 * and each guarding its own rules (an order moves only along its allowed states, a fill never takes
 * an order past its quantity, an execution counts once), plus the values that travel between the
 * order desk and a broker: the ticket that is sent, the events that come back, and the snapshots
 * that leave a transaction for REST, the dashboard and CDI observers.
 */
package org.tickerdesk.trading.entity;
