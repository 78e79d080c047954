package org.tickerdesk.trading.entity;

/**
 * What rests at the broker for an IBKR position, so that it stays protected while Tickerdesk is
 * down: nothing, a native stop at the stop-loss, or an OCA pair of that stop and a limit at the
 * take-profit (the broker cancels one when the other fills).
 */
public enum BrokerProtection {
    NONE,
    STOP,
    OCA
}
