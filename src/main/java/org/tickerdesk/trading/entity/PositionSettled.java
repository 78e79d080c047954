package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * CDI event: a position's instrument expired or resolved and the position was settled at the
 * settlement value. Fired synchronously inside the transaction that settles it, once per position,
 * so an observer that writes in the same transaction (a notification's outbox row) commits or rolls
 * back with the settlement; an observer that acts outside the database uses {@code
 * TransactionPhase.AFTER_SUCCESS}.
 *
 * @param position the position as settled: {@code SETTLED}, nothing held, its realised P&amp;L
 *     including the settlement
 * @param quantity what it held when it was settled, without its sign
 * @param settlementPrice what one unit settled at
 * @param pnl the P&amp;L the settlement itself realised (fees not deducted)
 * @param basis how the settlement value was determined
 */
public record PositionSettled(
        PositionSnapshot position,
        BigDecimal quantity,
        BigDecimal settlementPrice,
        BigDecimal pnl,
        String basis,
        Instant at) {

    public PositionSettled {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(settlementPrice, "settlementPrice");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(at, "at");
    }
}
