package org.tickerdesk.marketdata.control;

import static java.util.Map.entry;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * Where the simulated market starts and what it drifts back to: plausible prices for the default
 * watchlist and the common futures, and for any other symbol a price derived from the symbol alone,
 * so that a symbol starts at the same price whatever the seed.
 */
final class ReferencePrices {

    private static final Map<String, Double> KNOWN =
            Map.ofEntries(
                    entry("AAPL", 255.0),
                    entry("MSFT", 510.0),
                    entry("NVDA", 185.0),
                    entry("AMZN", 225.0),
                    entry("GOOGL", 250.0),
                    entry("META", 700.0),
                    entry("TSLA", 430.0),
                    entry("BRK.B", 495.0),
                    entry("JPM", 305.0),
                    entry("V", 345.0),
                    entry("UNH", 330.0),
                    entry("XOM", 115.0),
                    entry("JNJ", 190.0),
                    entry("WMT", 105.0),
                    entry("PG", 150.0),
                    entry("MA", 570.0),
                    entry("HD", 380.0),
                    entry("KO", 69.0),
                    entry("PEP", 148.0),
                    entry("NFLX", 110.0),
                    entry("ES", 6000.0),
                    entry("MES", 6000.0),
                    entry("NQ", 22000.0),
                    entry("MNQ", 22000.0),
                    entry("YM", 44000.0),
                    entry("RTY", 2300.0),
                    entry("CL", 70.0),
                    entry("MCL", 70.0),
                    entry("GC", 3300.0),
                    entry("SI", 38.0),
                    entry("NG", 3.5),
                    entry("ZN", 111.0));

    /** A future's root followed by its month code and year: ESZ5, MESH26, CLF6. */
    private static final Pattern FUTURE_MONTH =
            Pattern.compile("([A-Z0-9]{1,4}?)[FGHJKMNQUVXZ][0-9]{1,2}");

    private ReferencePrices() {}

    /** The reference price of a contract; for an event contract a probability inside (0, 1). */
    static double of(Contract contract) {
        String symbol = contract.symbol();
        InstrumentKind kind = contract.kind();
        if (kind == InstrumentKind.EVENT) {
            return 0.1 + 0.8 * uniform(symbol);
        }
        Double known = KNOWN.get(symbol);
        if (known == null && kind == InstrumentKind.FUTURE) {
            Matcher month = FUTURE_MONTH.matcher(symbol);
            known = month.matches() ? KNOWN.get(month.group(1)) : null;
        }
        if (known != null) {
            return known;
        }
        return kind == InstrumentKind.OPTION
                ? logUniform(symbol, 0.5, 25)
                : logUniform(symbol, 10, 500);
    }

    private static double logUniform(String symbol, double low, double high) {
        return low * Math.exp(uniform(symbol) * Math.log(high / low));
    }

    /**
     * String.hashCode is specified, so this is stable across JVMs; a rare collision only shares a
     * start price.
     */
    private static double uniform(String symbol) {
        return new SplittableRandom(symbol.hashCode()).nextDouble();
    }
}
