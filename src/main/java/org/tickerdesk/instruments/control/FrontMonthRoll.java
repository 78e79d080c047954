package org.tickerdesk.instruments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * Rolls the default watchlist's futures (E-mini S&P 500 on CME, WTI crude on NYMEX): once a watched
 * contract of one of them has expired, the front contract as of today is put on the watchlist, and
 * the expired one leaves it once its resolution has settled it (until then its positions and its
 * last price are still needed). A series nobody watches any more is not rolled; a front the user
 * already watches is left as it is.
 */
@ApplicationScoped
public class FrontMonthRoll {

    private static final Logger LOG = Logger.getLogger(FrontMonthRoll.class.getName());

    @Inject InstrumentCatalog catalog;

    @Inject Clock clock;

    /** What a roll does: the fronts to watch, and the expired contracts to take off. */
    public record Plan(List<Instrument> watch, List<String> unwatch) {

        public Plan {
            watch = List.copyOf(watch);
            unwatch = List.copyOf(unwatch);
        }
    }

    /**
     * One roll.
     *
     * @return what it did, one line each; empty when nothing was due
     */
    public List<String> roll() {
        Plan plan = plan(catalog.all(), LocalDate.now(clock));
        List<String> done = new ArrayList<>();
        for (Instrument front : plan.watch()) {
            catalog.watch(front.contract(), front.description());
            done.add("watching " + front.symbol() + " (" + front.description() + ")");
        }
        for (String expired : plan.unwatch()) {
            catalog.unwatch(expired);
            done.add(expired + " expired and was settled: off the watchlist");
        }
        if (!done.isEmpty()) {
            LOG.info(() -> "Front-month roll: " + String.join("; ", done));
        }
        return done;
    }

    /** What rolling the instruments would do today. */
    static Plan plan(List<Instrument> all, LocalDate today) {
        List<Instrument> watch = new ArrayList<>();
        List<String> unwatch = new ArrayList<>();
        for (Instrument front : DefaultWatchlist.futures(today)) {
            Contract c = front.contract();
            String root = c.symbol().substring(0, c.symbol().length() - 2);
            List<Instrument> series =
                    all.stream()
                            .filter(i -> i.contract().kind() == InstrumentKind.FUTURE)
                            .filter(i -> i.contract().exchange().equals(c.exchange()))
                            .filter(i -> FrontMonth.isCodeOf(root, i.symbol()))
                            .toList();
            List<Instrument> expired =
                    series.stream()
                            .filter(Instrument::onWatchlist)
                            .filter(i -> i.expiredOn(today))
                            .toList();
            if (expired.isEmpty()) {
                continue;
            }
            boolean frontWatched =
                    series.stream().anyMatch(i -> i.symbol().equals(c.symbol()) && i.onWatchlist());
            if (!frontWatched) {
                watch.add(front);
            }
            expired.stream()
                    .filter(i -> i.settledAt() != null)
                    .forEach(i -> unwatch.add(i.symbol()));
        }
        return new Plan(watch, unwatch);
    }
}
