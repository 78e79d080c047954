package org.tickerdesk.ibkr.wire.messages;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A contract as the TWS protocol names it in requests: either by conId alone (with the exchange to
 * route to) or by symbol, secType, exchange, currency and, for derivatives, expiry, strike, right
 * and multiplier. Fields IB leaves empty are empty strings, never null; secType is null only for a
 * contract named by conId.
 */
public record IbContract(
        int conId,
        String symbol,
        SecurityType secType,
        String lastTradeDateOrContractMonth,
        BigDecimal strike,
        String right,
        String multiplier,
        String exchange,
        String primaryExchange,
        String currency,
        String localSymbol,
        String tradingClass,
        boolean includeExpired) {

    private static final Pattern EXPIRY = Pattern.compile("\\d{6}|\\d{8}");
    private static final Pattern TEXT = Pattern.compile("[\\x20-\\x7E]*");

    public IbContract {
        symbol = text("symbol", symbol);
        lastTradeDateOrContractMonth =
                text("lastTradeDateOrContractMonth", lastTradeDateOrContractMonth);
        right = text("right", right);
        multiplier = text("multiplier", multiplier);
        exchange = text("exchange", exchange);
        primaryExchange = text("primaryExchange", primaryExchange);
        currency = text("currency", currency);
        localSymbol = text("localSymbol", localSymbol);
        tradingClass = text("tradingClass", tradingClass);
        if (conId < 0) {
            throw new IllegalArgumentException("conId must not be negative");
        }
        if (conId == 0 && symbol.isEmpty() && localSymbol.isEmpty()) {
            throw new IllegalArgumentException(
                    "A contract needs a conId, a symbol or a local symbol");
        }
        if (conId == 0 && secType == null) {
            throw new IllegalArgumentException("A contract named by symbol needs its secType");
        }
        if (!lastTradeDateOrContractMonth.isEmpty()
                && !EXPIRY.matcher(lastTradeDateOrContractMonth).matches()) {
            throw new IllegalArgumentException(
                    "Expiry '" + lastTradeDateOrContractMonth + "' must be YYYYMM or YYYYMMDD");
        }
        if (!right.isEmpty() && !right.equals("C") && !right.equals("P")) {
            throw new IllegalArgumentException("Right '" + right + "' must be C or P");
        }
        if (strike != null && strike.signum() < 0) {
            throw new IllegalArgumentException("Strike must not be negative");
        }
    }

    public static IbContract stock(String symbol, String exchange, String currency) {
        return new IbContract(
                0,
                symbol,
                SecurityType.STK,
                "",
                null,
                "",
                "",
                exchange,
                "",
                currency,
                "",
                "",
                false);
    }

    public static IbContract future(
            String symbol,
            String contractMonth,
            String exchange,
            String currency,
            String multiplier) {
        return new IbContract(
                0,
                symbol,
                SecurityType.FUT,
                contractMonth,
                null,
                "",
                multiplier,
                exchange,
                "",
                currency,
                "",
                "",
                false);
    }

    public static IbContract option(
            String symbol,
            String expiry,
            BigDecimal strike,
            String right,
            String exchange,
            String currency,
            String multiplier) {
        return new IbContract(
                0,
                symbol,
                SecurityType.OPT,
                expiry,
                strike,
                right,
                multiplier,
                exchange,
                "",
                currency,
                "",
                "",
                false);
    }

    /**
     * A ForecastEx/CME event contract: IB lists these as options (yes = call, no = put) on the
     * event's exchange, the strike being the threshold the event resolves against.
     */
    public static IbContract eventContract(
            String symbol,
            String expiry,
            BigDecimal strike,
            String right,
            String exchange,
            String currency) {
        return new IbContract(
                0,
                symbol,
                SecurityType.OPT,
                expiry,
                strike,
                right,
                "",
                exchange,
                "",
                currency,
                "",
                "",
                false);
    }

    public static IbContract byConId(int conId, String exchange) {
        return new IbContract(conId, "", null, "", null, "", "", exchange, "", "", "", "", false);
    }

    /** The secType code on the wire; empty for a contract named by conId alone. */
    public String secTypeCode() {
        return secType == null ? "" : secType.name();
    }

    private static String text(String name, String value) {
        if (value == null) {
            return "";
        }
        if (!TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be printable ASCII");
        }
        return value;
    }
}
