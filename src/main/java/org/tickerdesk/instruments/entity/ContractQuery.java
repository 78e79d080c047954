package org.tickerdesk.instruments.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to look up at the broker: a contract id alone, or a symbol and kind narrowed by whatever
 * else is known. Exchange, currency and expiry may be null, and then the broker answers with every
 * contract that fits, which may be several (a stock listed in two currencies, every month of a
 * future). The expiry is a day (2026-12-18) or, for futures, a contract month (2026-12).
 */
public record ContractQuery(
        int conId,
        String symbol,
        InstrumentKind kind,
        String exchange,
        String currency,
        String expiry) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public ContractQuery {
        if (conId < 0) {
            throw new IllegalArgumentException("A contract id is a positive number, not " + conId);
        }
        if (conId > 0) {
            if (symbol != null || kind != null || currency != null || expiry != null) {
                throw new IllegalArgumentException(
                        "Look up either by conId or by symbol, not both");
            }
        } else {
            if (symbol == null || !Contract.SYMBOL.matcher(symbol).matches()) {
                throw new IllegalArgumentException(
                        "'"
                                + symbol
                                + "' is not a valid symbol: use 1 to 32 upper-case letters and"
                                + " digits, with '.', '-' or '_' inside (e.g. AAPL, BRK.B, ESZ6)");
            }
            Objects.requireNonNull(kind, "kind");
        }
        if (exchange != null && !Contract.EXCHANGE.matcher(exchange).matches()) {
            throw new IllegalArgumentException(
                    "'" + exchange + "' is not a valid exchange (e.g. SMART, NASDAQ, CME)");
        }
        if (currency != null && !Contract.CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException(
                    "'" + currency + "' is not a currency code (e.g. USD)");
        }
        if (expiry != null) {
            checkExpiry(expiry, kind);
        }
    }

    public static ContractQuery byConId(int conId) {
        if (conId <= 0) {
            throw new IllegalArgumentException("A contract id is a positive number, not " + conId);
        }
        return new ContractQuery(conId, null, null, null, null, null);
    }

    public static ContractQuery bySymbol(
            String symbol, InstrumentKind kind, String exchange, String currency, String expiry) {
        return new ContractQuery(0, symbol, kind, exchange, currency, expiry);
    }

    public boolean byConId() {
        return conId > 0;
    }

    /** The expiry day, or null when none or only a contract month was given. */
    public LocalDate expiryDay() {
        return expiry != null && DAY.matcher(expiry).matches() ? LocalDate.parse(expiry) : null;
    }

    /** The expiry's month, or null when no expiry was given. */
    public YearMonth expiryMonth() {
        return expiry == null ? null : YearMonth.parse(expiry.substring(0, 7));
    }

    /** The query as a user would say it: "conId 265598", "ES future on CME expiring 2026-12". */
    public String describe() {
        if (byConId()) {
            return "conId " + conId;
        }
        return symbol
                + " "
                + kind.name().toLowerCase()
                + (exchange == null ? "" : " on " + exchange)
                + (currency == null ? "" : " in " + currency)
                + (expiry == null ? "" : " expiring " + expiry);
    }

    private static void checkExpiry(String expiry, InstrumentKind kind) {
        boolean month = MONTH.matcher(expiry).matches();
        if (!month && !DAY.matcher(expiry).matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + expiry
                            + "' is not an expiry; use YYYY-MM-DD (or YYYY-MM for a"
                            + " future's contract month)");
        }
        try {
            if (month) {
                YearMonth.parse(expiry);
            } else {
                LocalDate.parse(expiry);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + expiry + "' is not a calendar date");
        }
        if (kind == InstrumentKind.STOCK) {
            throw new IllegalArgumentException("A stock does not expire; leave the expiry empty");
        }
        if (month && kind != InstrumentKind.FUTURE) {
            throw new IllegalArgumentException(
                    "Only a future may be named by its contract month; give the "
                            + kind.name().toLowerCase()
                            + "'s expiry day as YYYY-MM-DD");
        }
    }
}
