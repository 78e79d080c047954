package org.tickerdesk.ibkr.wire.messages.orders;

import java.math.BigDecimal;
import java.util.Objects;
import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * Commission and fees of one execution, matched by execId; realized P&L is null when IB has none.
 */
public record CommissionReport(
        String execId, BigDecimal commission, String currency, BigDecimal realizedPnl)
        implements IncomingMessage {

    public CommissionReport {
        Objects.requireNonNull(execId, "execId");
        Objects.requireNonNull(currency, "currency");
    }
}
