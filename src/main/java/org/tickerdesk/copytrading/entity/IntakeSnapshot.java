package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.tickerdesk.copytrading.entity.CopyDecision.Effect;
import org.tickerdesk.trading.entity.Side;

/**
 * One entry of the trade intake as stored: the trader and feed it came from, the leader's trade,
 * when it arrived, where it stands (with the reason and a detail in figures when it was not
 * copied), and for a copy the order that copies it (side, whole quantity, whether it opens or
 * reduces, the price it was decided at, its client order id) with when it was ordered and when and
 * at what price it filled, each null until known.
 */
public record IntakeSnapshot(
        long id,
        long traderId,
        String feed,
        LeaderTrade trade,
        Instant receivedAt,
        IntakeStatus status,
        SkipReason reason,
        String detail,
        Instant decidedAt,
        Side copySide,
        BigDecimal copyQuantity,
        Effect copyEffect,
        BigDecimal copyPrice,
        String clientOrderId,
        Instant orderedAt,
        Instant filledAt,
        BigDecimal fillPrice) {

    public IntakeSnapshot {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
    }
}
