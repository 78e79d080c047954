package org.tickerdesk.ibkr.wire;

import org.tickerdesk.ibkr.wire.messages.IbContract;

/**
 * The contract block that starts most requests: conId, symbol, secType, expiry, strike, right,
 * multiplier, exchange, primary exchange, currency, local symbol, trading class. An unset strike
 * goes out as 0.0, as IB's clients send their default.
 */
public final class ContractFields {

    private ContractFields() {}

    public static void write(FieldWriter out, IbContract contract) {
        out.add(contract.conId())
                .add(contract.symbol())
                .add(contract.secTypeCode())
                .add(contract.lastTradeDateOrContractMonth())
                .add(contract.strike() == null ? "0.0" : contract.strike().toPlainString())
                .add(contract.right())
                .add(contract.multiplier())
                .add(contract.exchange())
                .add(contract.primaryExchange())
                .add(contract.currency())
                .add(contract.localSymbol())
                .add(contract.tradingClass());
    }
}
