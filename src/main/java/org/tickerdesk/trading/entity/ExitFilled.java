package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * CDI event: an exit's fills closed or reduced its position. Fired synchronously inside the
 * transaction that applies the fills, once per application that counted new fills, with the
 * position as they left it.
 */
public record ExitFilled(
        PositionSnapshot position,
        String rule,
        String clientOrderId,
        BigDecimal filledNow,
        BigDecimal averagePrice) {

    public ExitFilled {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(filledNow, "filledNow");
    }

    public boolean closed() {
        return position.state() == PositionState.CLOSED;
    }
}
