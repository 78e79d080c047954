package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * CDI event: an exit's order is with the broker, recorded as sent. Fired synchronously inside the
 * transaction that records it, so an observer's writes commit or roll back with it; once per
 * attempt of an exit.
 */
public record ExitSent(
        long positionId,
        String symbol,
        Side positionSide,
        String rule,
        String clientOrderId,
        BigDecimal quantity,
        OrderType orderType,
        Instant at) {

    public ExitSent {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(positionSide, "positionSide");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(at, "at");
    }
}
