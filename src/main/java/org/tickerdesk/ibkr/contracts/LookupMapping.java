package org.tickerdesk.ibkr.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tickerdesk.ibkr.wire.messages.ContractDetails;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.SecurityType;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.InstrumentDetails;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * Between the catalog's lookups and IB's contract details. A query becomes the contract
 * reqContractDetails asks for, leaving empty whatever the user left open so that IB answers with
 * every contract that fits:
 *
 * <ul>
 *   <li>Stock: STK routed SMART, the exchange asked for as primary exchange, any currency unless
 *       given.
 *   <li>Future: FUT; with an expiry (day or month) the root and that expiry; without one a symbol
 *       in the exchange's form (ESZ6) is IB's local symbol, and a bare root (ES) asks for every
 *       month.
 *   <li>Option and event contract: as {@link ContractMapping} names them; the expiry, when not
 *       given, is the one in the symbol (AAPL251219C00190000 expires 2025-12-19).
 * </ul>
 *
 * A contract IB answers with becomes a match named as Tickerdesk names it: a stock by its symbol
 * (IB's "BRK B" is BRK.B) on its listing exchange, a future by its local symbol (ESZ6), an option
 * or event contract by the symbol asked for, or, looked up by conId, by IB's local symbol.
 */
final class LookupMapping {

    private static final Pattern OCC_DATE =
            Pattern.compile("[A-Z][A-Z0-9.]{0,11}?(\\d{6})[CP]\\d{8}");
    private static final DateTimeFormatter OCC_DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter IB_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter IB_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    /**
     * ContractMapping sends no tick size; a valid one is needed only to build the Contract it maps.
     */
    private static final BigDecimal ANY_TICK = new BigDecimal("0.01");

    private LookupMapping() {}

    /**
     * The contract to ask IB about; an IllegalArgumentException says why a query cannot be asked.
     */
    static IbContract request(ContractQuery q) {
        if (q.byConId()) {
            return IbContract.byConId(q.conId(), orEmpty(q.exchange()));
        }
        return switch (q.kind()) {
            case STOCK -> stock(q);
            case FUTURE -> future(q);
            case OPTION, EVENT -> optionLike(q);
        };
    }

    private static IbContract stock(ContractQuery q) {
        String primary = q.exchange() == null || q.exchange().equals("SMART") ? "" : q.exchange();
        return new IbContract(
                0,
                q.symbol().replace('.', ' '),
                SecurityType.STK,
                "",
                null,
                "",
                "",
                "SMART",
                primary,
                orEmpty(q.currency()),
                "",
                "",
                false);
    }

    private static IbContract future(ContractQuery q) {
        String exchange = orEmpty(q.exchange());
        String currency = orEmpty(q.currency());
        if (q.expiry() == null) {
            if (ContractMapping.isFutureCode(q.symbol())) {
                return new IbContract(
                        0,
                        "",
                        SecurityType.FUT,
                        "",
                        null,
                        "",
                        "",
                        exchange,
                        "",
                        currency,
                        q.symbol(),
                        "",
                        false);
            }
            return new IbContract(
                    0,
                    q.symbol(),
                    SecurityType.FUT,
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
        String expiry =
                q.expiryDay() != null
                        ? q.expiryDay().format(IB_DAY)
                        : q.expiryMonth().format(IB_MONTH);
        return new IbContract(
                0,
                ContractMapping.futureRoot(q.symbol(), q.expiryMonth()),
                SecurityType.FUT,
                expiry,
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

    private static IbContract optionLike(ContractQuery q) {
        LocalDate expiry = q.expiryDay() != null ? q.expiryDay() : occExpiry(q.symbol());
        String defaultExchange = q.kind() == InstrumentKind.EVENT ? "FORECASTX" : "SMART";
        Contract named =
                new Contract(
                        q.symbol(),
                        q.kind(),
                        q.exchange() == null ? defaultExchange : q.exchange(),
                        q.currency() == null ? "USD" : q.currency(),
                        ANY_TICK,
                        expiry);
        IbContract c = ContractMapping.toIb(named);
        return new IbContract(
                0,
                c.symbol(),
                c.secType(),
                c.lastTradeDateOrContractMonth(),
                c.strike(),
                c.right(),
                c.multiplier(),
                c.exchange(),
                c.primaryExchange(),
                orEmpty(q.currency()),
                c.localSymbol(),
                c.tradingClass(),
                false);
    }

    private static LocalDate occExpiry(String symbol) {
        Matcher m = OCC_DATE.matcher(symbol);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + symbol
                            + "' is not root + yyMMdd + C/P + strike x 1000 in 8 digits (e.g."
                            + " AAPL251219C00190000); give the expiry, or look it up by conId");
        }
        return LocalDate.parse(m.group(1), OCC_DAY);
    }

    /**
     * The contract IB found, as the catalog stores it; an IllegalArgumentException says why it
     * cannot be (a kind Tickerdesk does not handle, a name it cannot hold).
     */
    static ContractMatch match(ContractDetails d, ContractQuery q) {
        InstrumentKind kind = q.byConId() ? kindOf(d) : q.kind();
        String symbol =
                switch (kind) {
                    case STOCK, FUTURE ->
                            ContractMapping.symbolOf(d.secType(), d.symbol(), d.localSymbol());
                    case OPTION, EVENT ->
                            q.byConId()
                                    ? ContractMapping.symbolOf(
                                            d.secType(), d.symbol(), d.localSymbol())
                                    : q.symbol();
                };
        String exchange =
                kind == InstrumentKind.STOCK && !d.primaryExchange().isBlank()
                        ? d.primaryExchange()
                        : d.exchange();
        LocalDate expiry = kind.expires() ? expiry(d) : null;
        Contract contract = new Contract(symbol, kind, exchange, d.currency(), d.minTick(), expiry);
        return new ContractMatch(
                contract,
                new InstrumentDetails(
                        d.conId(),
                        multiplier(d.multiplier()),
                        d.longName(),
                        d.timeZoneId(),
                        d.tradingHours(),
                        d.liquidHours()));
    }

    private static InstrumentKind kindOf(ContractDetails d) {
        SecurityType type = SecurityType.fromWire(d.secType());
        if (type == SecurityType.STK) {
            return InstrumentKind.STOCK;
        }
        if (type == SecurityType.FUT) {
            return InstrumentKind.FUTURE;
        }
        if (type == SecurityType.OPT) {
            return d.exchange().equals("FORECASTX") ? InstrumentKind.EVENT : InstrumentKind.OPTION;
        }
        if (type == SecurityType.FOP) {
            return d.tradingClass().startsWith("EC") ? InstrumentKind.EVENT : InstrumentKind.OPTION;
        }
        throw new IllegalArgumentException(
                "IB's contract "
                        + d.conId()
                        + " is a "
                        + d.secType()
                        + "; Tickerdesk holds stocks, futures, options and event contracts");
    }

    /** The last trading day; for a contract month alone, IB's real expiration date. */
    private static LocalDate expiry(ContractDetails d) {
        for (String text :
                new String[] {d.lastTradeDateOrContractMonth(), d.realExpirationDate()}) {
            if (text != null && text.length() == 8) {
                try {
                    return LocalDate.parse(text, IB_DAY);
                } catch (DateTimeParseException e) {
                    // try the next field
                }
            }
        }
        throw new IllegalArgumentException(
                "IB's contract "
                        + d.conId()
                        + " has no expiry date ('"
                        + d.lastTradeDateOrContractMonth()
                        + "')");
    }

    /** IB sends "" where no multiplier applies, and then none is kept. */
    private static BigDecimal multiplier(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return value.signum() > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
