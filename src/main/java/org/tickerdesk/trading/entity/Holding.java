package org.tickerdesk.trading.entity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a broker's account holds of one instrument by the broker's own figures: the signed quantity
 * (negative when short) and the average cost per unit. Tickerdesk shows it beside the sum of its
 * own open positions, and a holding that no position explains can be adopted as one.
 */
public record Holding(String account, String symbol, BigDecimal quantity, BigDecimal averageCost) {

    public Holding {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageCost, "averageCost");
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("A holding names its symbol");
        }
    }
}
