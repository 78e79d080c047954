package org.tickerdesk.copytrading.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import org.tickerdesk.copytrading.entity.CopyPerformance;
import org.tickerdesk.copytrading.entity.IntakeFigures;
import org.tickerdesk.copytrading.entity.StoredTrader;
import org.tickerdesk.trading.control.BookPnl;
import org.tickerdesk.trading.control.Positions;

/**
 * Every followed trader's performance and copy fidelity ({@link CopyPerformance}): the counts,
 * delays, slippage and the leader's P&amp;L summed by the intake log ({@link
 * IntakeLog#figures(java.util.Collection)}), the copied P&amp;L (realised less fees, plus
 * unrealised) and the win rate of closed copied positions summed by trading over the traders'
 * books. A handful of queries for all traders, whatever their number.
 *
 * <p>The intake's figures are the costly part: every trade of a trader's history sorted four times.
 * So each trader's are kept here with the count of writes to their intake they were computed at
 * ({@link IntakeLog#changes()}), and only the traders whose count moved are computed again; the
 * first computation after a start computes all. The books' P&amp;L, which moves with every price,
 * is summed each time. That first computation is done at start-up, in the background.
 *
 * <p>{@link #json()} is what {@code GET /api/v1/traders/performance} answers: kept for {@link #TTL}
 * in JCache (inside Payara, so every instance of a cluster shares one computation), then computed
 * again by the first caller after it expired. Callers who find it expired while this instance
 * computes wait for that computation and share its answer rather than compute beside it. Its {@code
 * computedAt} tells a reader how old the figures are.
 */
@ApplicationScoped
public class TraderPerformance {

    static final String CACHE = "tickerdesk-trader-performance";
    static final String KEY = "all";
    public static final Duration TTL = Duration.ofSeconds(2);
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Logger LOG = Logger.getLogger(TraderPerformance.class.getName());

    @Inject CacheManager cacheManager;

    @Inject TraderStore store;

    @Inject IntakeLog intake;

    @Inject Positions positions;

    @Inject Clock clock;

    @Resource ManagedExecutorService executor;

    Cache<String, String> cache;

    /** One computation at a time on this instance; the fields below are kept under it. */
    private final ReentrantLock computing = new ReentrantLock();

    /** The last answer computed here and when it was done ({@link System#nanoTime()}). */
    private record Answer(String json, long doneNanos) {}

    private Answer last;

    /** A trader's intake figures, computed at this count of changes to their intake. */
    record Known(long changes, IntakeFigures figures) {}

    private final Map<Long, Known> known = new HashMap<>();

    @PostConstruct
    void open() {
        Cache<String, String> existing = cacheManager.getCache(CACHE, String.class, String.class);
        cache =
                existing != null
                        ? existing
                        : cacheManager.createCache(
                                CACHE,
                                new MutableConfiguration<String, String>()
                                        .setTypes(String.class, String.class)
                                        .setExpiryPolicyFactory(
                                                CreatedExpiryPolicy.factoryOf(
                                                        new javax.cache.expiry.Duration(
                                                                TimeUnit.MILLISECONDS,
                                                                TTL.toMillis()))));
    }

    /**
     * Sums every trader's figures once after a start, off the request path: the first read finds
     * them known (or waits for this computation) instead of sorting every trader's history itself.
     */
    void warm(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        executor.execute(
                () -> {
                    try {
                        json();
                    } catch (RuntimeException e) {
                        LOG.log(
                                Level.WARNING,
                                e,
                                () ->
                                        "The traders' performance was not computed at start-up;"
                                                + " the first read computes it");
                    }
                });
    }

    /** Every trader's figures as JSON, at most {@link #TTL} old. */
    public String json() {
        String cached = cache.get(KEY);
        if (cached != null) {
            return cached;
        }
        long asked = System.nanoTime();
        computing.lock();
        try {
            // computed by another caller while this one waited: as fresh as a read can ask
            if (last != null && last.doneNanos() - asked >= 0) {
                return last.json();
            }
            cached = cache.get(KEY);
            if (cached != null) {
                return cached;
            }
            String fresh = compute();
            last = new Answer(fresh, System.nanoTime());
            cache.put(KEY, fresh);
            return fresh;
        } finally {
            computing.unlock();
        }
    }

    /** Forgets the cached figures: the next call computes them. */
    public void invalidate() {
        computing.lock();
        try {
            last = null;
            cache.remove(KEY);
        } finally {
            computing.unlock();
        }
    }

    /** Every trader's figures, computed now, as JSON. */
    String compute() {
        computing.lock();
        try {
            return computeLocked();
        } finally {
            computing.unlock();
        }
    }

    private String computeLocked() {
        Instant at = clock.instant();
        Map<Long, IntakeFigures> figures = intakeFigures();
        Map<String, BookPnl> books =
                positions.pnlOfBooks(CopyDecisions.BOOKS).stream()
                        .collect(Collectors.toMap(BookPnl::book, Function.identity()));
        JsonArrayBuilder traders = JSON.createArrayBuilder();
        for (StoredTrader trader : store.all()) {
            String book = CopyDecisions.book(trader.id());
            CopyPerformance p =
                    of(
                            figures.getOrDefault(trader.id(), IntakeFigures.none(trader.id())),
                            books.getOrDefault(book, BookPnl.empty(book)));
            traders.add(write(p).add("id", trader.id()).add("name", trader.name()).build());
        }
        return JSON.createObjectBuilder()
                .add("computedAt", at.toString())
                .add("traders", traders)
                .build()
                .toString();
    }

    /**
     * Every trader's intake figures: those whose intake changed since they were computed (read
     * first, so a write that lands while they are summed is counted again next time, never missed)
     * are summed again, the others are as known.
     */
    private Map<Long, IntakeFigures> intakeFigures() {
        Map<Long, Long> changes = intake.changes();
        Set<Long> stale = stale(changes, known);
        Map<Long, IntakeFigures> fresh = stale.isEmpty() ? Map.of() : intake.figures(stale);
        known.keySet().retainAll(changes.keySet());
        for (Long trader : stale) {
            known.put(
                    trader,
                    new Known(
                            changes.get(trader),
                            fresh.getOrDefault(trader, IntakeFigures.none(trader))));
        }
        Map<Long, IntakeFigures> figures = new HashMap<>();
        known.forEach((trader, k) -> figures.put(trader, k.figures()));
        return figures;
    }

    /** The traders whose count of intake changes is not the one their known figures were at. */
    static Set<Long> stale(Map<Long, Long> changes, Map<Long, Known> known) {
        Set<Long> stale = new TreeSet<>();
        changes.forEach(
                (trader, count) -> {
                    Known k = known.get(trader);
                    if (k == null || k.changes() != count) {
                        stale.add(trader);
                    }
                });
        return stale;
    }

    /** One trader's figures from what the intake log and the trader's book summed. */
    static CopyPerformance of(IntakeFigures f, BookPnl book) {
        return new CopyPerformance(
                f.copied(),
                f.skipped(),
                f.filled(),
                f.delayToOrderP50(),
                f.delayToOrderP95(),
                f.delayToFillP50(),
                f.delayToFillP95(),
                f.slippageP50(),
                f.slippageP95(),
                f.slippageBpsP50(),
                f.slippageBpsP95(),
                book.closed(),
                book.wins(),
                CopyStatistics.winRatePercent(book.wins(), book.closed()),
                f.leaderPnl(),
                book.realizedPnl().add(book.unrealizedPnl()));
    }

    /** The figures' JSON fields; delays in milliseconds (three decimals), amounts as numbers. */
    static JsonObjectBuilder write(CopyPerformance p) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        o.add("leaderPnl", plain(p.leaderPnl()));
        o.add("copiedPnl", plain(p.copiedPnl()));
        number(o, "winRatePercent", p.winRatePercent());
        o.add("closed", p.closed());
        o.add("wins", p.wins());
        o.add("copied", p.copied());
        o.add("skipped", p.skipped());
        o.add("filled", p.filled());
        millis(o, "delayToOrderMsP50", p.delayToOrderP50());
        millis(o, "delayToOrderMsP95", p.delayToOrderP95());
        millis(o, "delayToFillMsP50", p.delayToFillP50());
        millis(o, "delayToFillMsP95", p.delayToFillP95());
        number(o, "slippageP50", p.slippageP50());
        number(o, "slippageP95", p.slippageP95());
        number(o, "slippageBpsP50", p.slippageBpsP50());
        number(o, "slippageBpsP95", p.slippageBpsP95());
        return o;
    }

    private static void number(JsonObjectBuilder o, String name, BigDecimal value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, plain(value));
        }
    }

    private static void millis(JsonObjectBuilder o, String name, Duration value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, plain(BigDecimal.valueOf(value.toNanos(), 6)));
        }
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
