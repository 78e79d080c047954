package org.tickerdesk.instruments.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * Gives a new database its first watchlist: twenty well-known US stocks, the front E-mini S&P 500
 * and WTI crude futures, and one event contract, so every kind of instrument is there from the
 * first start. It runs once per database, even when several instances start at once; a user who
 * empties the watchlist later does not get it back.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class DefaultWatchlist {

    static final String SEED = "default-watchlist";
    static final List<String> STOCKS =
            List.of(
                    "AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "BRK.B", "JPM", "V",
                    "UNH", "XOM", "JNJ", "WMT", "PG", "MA", "HD", "KO", "PEP", "NFLX");

    private static final Logger LOG = Logger.getLogger(DefaultWatchlist.class.getName());

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @PostConstruct
    void seedOnce() {
        int claimed =
                em.createNativeQuery(
                                "INSERT INTO seeds (name) VALUES (?1) ON CONFLICT (name) DO"
                                        + " NOTHING")
                        .setParameter(1, SEED)
                        .executeUpdate();
        if (claimed == 0) {
            return;
        }
        List<Instrument> instruments = instruments(LocalDate.now(ZoneOffset.UTC));
        instruments.forEach(em::persist);
        LOG.info(() -> "Seeded the default watchlist with " + instruments.size() + " instruments");
    }

    static List<Instrument> instruments(LocalDate today) {
        List<Instrument> list = new ArrayList<>();
        for (String symbol : STOCKS) {
            list.add(new Instrument(Contract.stock(symbol, "SMART"), null));
        }
        list.addAll(futures(today));
        YearMonth cpiMonth = YearMonth.from(today).plusMonths(1);
        LocalDate cpiRelease = cpiMonth.plusMonths(1).atDay(15);
        list.add(
                new Instrument(
                        new Contract(
                                "CPI3-" + cpiMonth.toString().replace("-", ""),
                                InstrumentKind.EVENT,
                                "FORECASTX",
                                "USD",
                                new BigDecimal("0.01"),
                                cpiRelease),
                        "US CPI year on year above 3% for " + monthName(cpiMonth)));
        return list;
    }

    /**
     * The default futures' front contracts as of the day: the E-mini S&P 500 and WTI crude, also
     * what the front-month roll puts on the watchlist when the watched one expired.
     */
    static List<Instrument> futures(LocalDate today) {
        LocalDate es = FrontMonth.equityIndexExpiry(today);
        YearMonth crude = FrontMonth.crudeDeliveryMonth(today);
        return List.of(
                new Instrument(
                        new Contract(
                                FrontMonth.code("ES", YearMonth.from(es)),
                                InstrumentKind.FUTURE,
                                "CME",
                                "USD",
                                new BigDecimal("0.25"),
                                es),
                        "E-mini S&P 500 " + monthName(YearMonth.from(es))),
                new Instrument(
                        new Contract(
                                FrontMonth.code("CL", crude),
                                InstrumentKind.FUTURE,
                                "NYMEX",
                                "USD",
                                new BigDecimal("0.01"),
                                FrontMonth.crudeExpiry(crude)),
                        "WTI crude oil " + monthName(crude)));
    }

    private static String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + " "
                + month.getYear();
    }
}
