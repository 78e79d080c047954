package org.tickerdesk.instruments.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The contract behind a symbol: what a market-data source or a broker needs to know to quote or
 * trade it. Checked on construction, so a contract that exists is a valid one.
 */
public record Contract(
        String symbol,
        InstrumentKind kind,
        String exchange,
        String currency,
        BigDecimal tickSize,
        LocalDate expiry) {

    /** Upper-case letters and digits, with '.', '-' or '_' inside: AAPL, BRK.B, ESZ6, S0042. */
    public static final Pattern SYMBOL = Pattern.compile("[A-Z0-9](?:[A-Z0-9._-]{0,30}[A-Z0-9])?");

    static final Pattern EXCHANGE = Pattern.compile("[A-Z0-9._-]{1,32}");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Contract {
        Objects.requireNonNull(kind, "kind");
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + symbol
                            + "' is not a valid symbol: use 1 to 32 upper-case letters and digits,"
                            + " with '.', '-' or '_' inside (e.g. AAPL, BRK.B, ESZ6)");
        }
        if (exchange == null || !EXCHANGE.matcher(exchange).matches()) {
            throw new IllegalArgumentException(
                    "'" + exchange + "' is not a valid exchange (e.g. SMART, NASDAQ, CME)");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException(
                    "'" + currency + "' is not a currency code (e.g. USD)");
        }
        if (tickSize == null || tickSize.signum() <= 0) {
            throw new IllegalArgumentException("The tick size must be greater than zero");
        }
        // 0.01 and 0.01000000 (as stored) are one tick size: equality must not depend on the scale
        tickSize = tickSize.stripTrailingZeros();
        if (kind.expires() && expiry == null) {
            throw new IllegalArgumentException(
                    "A " + kind.name().toLowerCase() + " needs an expiry date");
        }
        if (!kind.expires() && expiry != null) {
            throw new IllegalArgumentException("A stock does not expire; leave the expiry empty");
        }
    }

    public static Contract stock(String symbol, String exchange) {
        return new Contract(
                symbol, InstrumentKind.STOCK, exchange, "USD", new BigDecimal("0.01"), null);
    }
}
