package org.tickerdesk.copytrading.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trader's row as stored, column by column: what the watched-traders cache holds (JCache values
 * cross the data grid, so they are serializable and plain) and what the settings are read from. The
 * exit rules are their stored JSON; the symbols are comma-separated.
 */
public record StoredTrader(
        long id,
        String name,
        String feed,
        boolean enabled,
        boolean paper,
        BigDecimal allocation,
        String sizingMode,
        BigDecimal sizingAmount,
        BigDecimal sizingRatio,
        BigDecimal capPerTrade,
        BigDecimal capTotalExposure,
        Integer capOpenPositions,
        String allowedSymbols,
        String deniedSymbols,
        BigDecimal minTradeSize,
        BigDecimal maxTradeSize,
        Long maxDelaySeconds,
        BigDecimal maxPriceDeviationPercent,
        boolean copyExits,
        BigDecimal copyStopLossPercent,
        String rules,
        String secret,
        Instant createdAt,
        Instant updatedAt,
        long version,
        String feedAccount)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Never the secret: the record's text may end up in a log. */
    @Override
    public String toString() {
        return "StoredTrader[id=" + id + ", name=" + name + ", version=" + version + "]";
    }
}
