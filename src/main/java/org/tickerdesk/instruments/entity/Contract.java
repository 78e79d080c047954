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

    /** The smallest tick the database holds: eight decimal places. */
    public static final BigDecimal MIN_TICK = new BigDecimal("0.00000001");

    /** A larger tick is a typing mistake, not an instrument (the database would hold 10^11). */
    public static final BigDecimal MAX_TICK = new BigDecimal("1000000");

    public Contract {
        Objects.requireNonNull(kind, "kind");
        checkSymbol(symbol);
        checkExchange(exchange);
        checkCurrency(currency);
        checkTickSize(tickSize);
        // 0.01 and 0.01000000 (as stored) are one tick size: equality must not depend on the scale
        tickSize = tickSize.stripTrailingZeros();
        checkExpiry(kind, expiry);
    }

    public static void checkSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + printable(symbol)
                            + "' is not a valid symbol: use 1 to 32 upper-case letters and digits,"
                            + " with '.', '-' or '_' inside (e.g. AAPL, BRK.B, ESZ6)");
        }
    }

    public static void checkExchange(String exchange) {
        if (exchange == null || !EXCHANGE.matcher(exchange).matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + printable(exchange)
                            + "' is not a valid exchange: use 1 to 32 upper-case letters, digits,"
                            + " '.', '-' or '_' (e.g. SMART, NASDAQ, CME)");
        }
    }

    public static void checkCurrency(String currency) {
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + printable(currency)
                            + "' is not a currency code: use three letters (e.g. USD)");
        }
    }

    /** Above zero, at most {@link #MAX_TICK}, and no finer than the database's eight decimals. */
    public static void checkTickSize(BigDecimal tickSize) {
        if (tickSize == null
                || tickSize.compareTo(MIN_TICK) < 0
                || tickSize.compareTo(MAX_TICK) > 0
                || tickSize.stripTrailingZeros().scale() > 8) {
            throw new IllegalArgumentException(
                    "The tick size must be from 0.00000001 to 1000000, with at most 8 decimal"
                            + " places, not "
                            + (tickSize == null ? "nothing" : shown(tickSize)));
        }
    }

    public static void checkExpiry(InstrumentKind kind, LocalDate expiry) {
        if (kind.expires() && expiry == null) {
            throw new IllegalArgumentException(
                    "A " + kind.name().toLowerCase() + " needs an expiry date");
        }
        if (!kind.expires() && expiry != null) {
            throw new IllegalArgumentException("A stock does not expire; leave the expiry empty");
        }
    }

    /** A number as people write it, unless that would take more room than a message has. */
    static String shown(BigDecimal value) {
        return Math.abs(value.scale()) <= 20 ? value.toPlainString() : value.toString();
    }

    /** Text as it may be echoed in a message: control characters shown, length bounded. */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder();
        text.codePoints()
                .limit(40)
                .forEach(
                        c -> {
                            if (Character.isISOControl(c)) {
                                shown.append(String.format("\\u%04x", c));
                            } else {
                                shown.appendCodePoint(c);
                            }
                        });
        return text.codePointCount(0, text.length()) > 40 ? shown + "…" : shown.toString();
    }

    public static Contract stock(String symbol, String exchange) {
        return new Contract(
                symbol, InstrumentKind.STOCK, exchange, "USD", new BigDecimal("0.01"), null);
    }
}
