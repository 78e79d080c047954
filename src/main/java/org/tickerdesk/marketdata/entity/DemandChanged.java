package org.tickerdesk.marketdata.entity;

/**
 * A symbol became needed (its first holder arrived) or idle (its last holder left). The symbol
 * {@code *} stands for every watched symbol, as a {@code quotes:*} client wants.
 */
public record DemandChanged(String symbol, boolean needed) {

    public static final String EVERY_SYMBOL = "*";

    public boolean everySymbol() {
        return EVERY_SYMBOL.equals(symbol);
    }
}
