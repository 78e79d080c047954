package org.tickerdesk.trading.entity;

import java.util.List;

/**
 * CDI event, a few times a second: the prices of the guarded positions whose instruments moved
 * since the last one, conflated (one entry per position, the latest).
 */
public record PositionsPriced(List<PositionPrice> prices) {

    public PositionsPriced {
        prices = List.copyOf(prices);
    }
}
