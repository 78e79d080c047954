package org.tickerdesk.ibkr.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.SecurityType;
import org.tickerdesk.instruments.entity.Contract;

/**
 * Turns a Tickerdesk {@link Contract} into the contract IB's requests name, and names a contract IB
 * reports the way Tickerdesk does ({@link #symbolOf}).
 *
 * <ul>
 *   <li>Stock: STK routed SMART in its currency, the listing exchange as primary exchange; "BRK.B"
 *       is IB's "BRK B".
 *   <li>Future: FUT on its exchange, the expiry as last trade date; a symbol such as ESZ6 whose
 *       month code and year match the expiry is sent as its root, ES.
 *   <li>Option: OPT, the symbol in compact OCC form, root + yyMMdd + C/P + strike times 1000 in
 *       eight digits (AAPL251219C00190000), the date matching the expiry.
 *   <li>Event contract, in the same symbol form, C meaning yes and P no: IB models ForecastEx
 *       contracts as options (OPT on FORECASTX) and CME Group event contracts as futures options
 *       (FOP, trading class "EC" + the future's symbol, e.g. ECES on ES).
 * </ul>
 */
public final class ContractMapping {

    private static final Pattern OCC =
            Pattern.compile("([A-Z][A-Z0-9.]{0,11}?)(\\d{6})([CP])(\\d{8})");
    private static final Pattern FUTURE =
            Pattern.compile("([A-Z][A-Z0-9]*?)([FGHJKMNQUVXZ])(\\d{1,2})");
    private static final String MONTH_CODES = "FGHJKMNQUVXZ";
    private static final Set<String> CME_GROUP = Set.of("CME", "CBOT", "NYMEX", "COMEX");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter OCC_DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private ContractMapping() {}

    public static IbContract toIb(Contract contract) {
        return switch (contract.kind()) {
            case STOCK -> stock(contract);
            case FUTURE -> future(contract);
            case OPTION -> option(contract);
            case EVENT -> event(contract);
        };
    }

    /**
     * The symbol Tickerdesk knows a contract IB describes by: a stock by its symbol in Tickerdesk's
     * spelling (IB's "BRK B" is BRK.B), a future by its local symbol (ESZ6), an option or event
     * contract by its local symbol in compact OCC form ("AAPL 251219C00190000" is
     * AAPL251219C00190000). A kind Tickerdesk does not trade keeps IB's local symbol (EUR.USD).
     * Without a local symbol, IB's symbol stands in.
     */
    public static String symbolOf(String secType, String symbol, String localSymbol) {
        if (SecurityType.STK.name().equals(secType)
                || localSymbol == null
                || localSymbol.isBlank()) {
            return symbol.replace(' ', '.');
        }
        SecurityType type = SecurityType.fromWire(secType);
        boolean compact =
                type == SecurityType.FUT || type == SecurityType.OPT || type == SecurityType.FOP;
        return compact ? localSymbol.replace(" ", "").toUpperCase(Locale.ROOT) : localSymbol;
    }

    private static IbContract stock(Contract c) {
        String primary = c.exchange().equals("SMART") ? "" : c.exchange();
        return new IbContract(
                0,
                c.symbol().replace('.', ' '),
                SecurityType.STK,
                "",
                null,
                "",
                "",
                "SMART",
                primary,
                c.currency(),
                "",
                "",
                false);
    }

    private static IbContract future(Contract c) {
        return new IbContract(
                0,
                futureRoot(c.symbol(), YearMonth.from(c.expiry())),
                SecurityType.FUT,
                c.expiry().format(DAY),
                null,
                "",
                "",
                c.exchange(),
                "",
                c.currency(),
                "",
                "",
                false);
    }

    /**
     * ESZ6 for December 2026 is ES; a symbol whose month code or year does not match stays as it
     * is.
     */
    static String futureRoot(String symbol, YearMonth month) {
        Matcher m = FUTURE.matcher(symbol);
        if (m.matches()
                && MONTH_CODES.indexOf(m.group(2).charAt(0)) + 1 == month.getMonthValue()
                && String.valueOf(month.getYear()).endsWith(m.group(3))) {
            return m.group(1);
        }
        return symbol;
    }

    /** A symbol in the exchange's form, root + month code + year digits (ESZ6, CLF27). */
    static boolean isFutureCode(String symbol) {
        return FUTURE.matcher(symbol).matches();
    }

    private static IbContract event(Contract c) {
        if (CME_GROUP.contains(c.exchange())) {
            Matcher m = occ(c);
            String root = m.group(1);
            String future = root.startsWith("EC") && root.length() > 2 ? root.substring(2) : root;
            return new IbContract(
                    0,
                    future,
                    SecurityType.FOP,
                    c.expiry().format(DAY),
                    strike(m),
                    m.group(3),
                    "",
                    c.exchange(),
                    "",
                    c.currency(),
                    "",
                    "EC" + future,
                    false);
        }
        return option(c);
    }

    /**
     * No multiplier is sent: IB matches the standard one, and a guessed one would make no match.
     */
    private static IbContract option(Contract c) {
        Matcher m = occ(c);
        return new IbContract(
                0,
                m.group(1).replace('.', ' '),
                SecurityType.OPT,
                c.expiry().format(DAY),
                strike(m),
                m.group(3),
                "",
                c.exchange(),
                "",
                c.currency(),
                "",
                "",
                false);
    }

    private static Matcher occ(Contract c) {
        Matcher m = OCC.matcher(c.symbol());
        String kind = c.kind().name().toLowerCase();
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "The "
                            + kind
                            + " symbol '"
                            + c.symbol()
                            + "' is not root + yyMMdd"
                            + " + C/P + strike x 1000 in 8 digits (e.g. AAPL251219C00190000)");
        }
        LocalDate expiry = c.expiry();
        if (!m.group(2).equals(expiry.format(OCC_DAY))) {
            throw new IllegalArgumentException(
                    "The "
                            + kind
                            + " symbol '"
                            + c.symbol()
                            + "' names expiry "
                            + m.group(2)
                            + " but the contract expires "
                            + expiry);
        }
        return m;
    }

    private static BigDecimal strike(Matcher m) {
        BigDecimal strike = new BigDecimal(m.group(4)).movePointLeft(3).stripTrailingZeros();
        return strike.scale() < 0 ? strike.setScale(0) : strike;
    }
}
