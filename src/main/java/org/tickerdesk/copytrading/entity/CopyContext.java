package org.tickerdesk.copytrading.entity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a copy decision needs to know besides the trader's settings and the leader's trade, taken at
 * one moment: the time, the instrument's quote (null: none yet) and whether its market is open; of
 * the trader's copied positions, the money in all of them (their absolute value, long and short
 * alike), how many are open and their P&L (realised and unrealised); the signed quantity copied
 * from this leader in this symbol that is still held (short: negative); and the signed quantity the
 * leader held in the symbol before this trade.
 */
public record CopyContext(
        Instant now,
        CopyQuote quote,
        boolean marketOpen,
        BigDecimal openExposure,
        int openPositions,
        BigDecimal copiedPnl,
        BigDecimal heldCopied,
        BigDecimal leaderHeldBefore) {

    public CopyContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(openExposure, "openExposure");
        if (openExposure.signum() < 0) {
            throw new IllegalArgumentException(
                    "openExposure must not be negative, not " + openExposure);
        }
        if (openPositions < 0) {
            throw new IllegalArgumentException(
                    "openPositions must not be negative, not " + openPositions);
        }
        Objects.requireNonNull(copiedPnl, "copiedPnl");
        Objects.requireNonNull(heldCopied, "heldCopied");
        Objects.requireNonNull(leaderHeldBefore, "leaderHeldBefore");
    }
}
