package org.tickerdesk.copytrading.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * delays, slippage and the leader's P&amp;L summed by the intake log ({@link IntakeLog#figures()}),
 * the copied P&amp;L (realised less fees, plus unrealised) and the win rate of closed copied
 * positions summed by trading over the traders' books. Four queries for all traders, whatever their
 * number.
 *
 * <p>{@link #json()} is what {@code GET /api/v1/traders/performance} answers: kept for {@link #TTL}
 * in JCache (inside Payara, so every instance of a cluster shares one computation), then computed
 * again by the first caller after it expired. Its {@code computedAt} tells a reader how old the
 * figures are.
 */
@ApplicationScoped
public class TraderPerformance {

    static final String CACHE = "tickerdesk-trader-performance";
    static final String KEY = "all";
    public static final Duration TTL = Duration.ofSeconds(2);
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject CacheManager cacheManager;

    @Inject TraderStore store;

    @Inject IntakeLog intake;

    @Inject Positions positions;

    @Inject Clock clock;

    Cache<String, String> cache;

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

    /** Every trader's figures as JSON, at most {@link #TTL} old. */
    public String json() {
        String cached = cache.get(KEY);
        if (cached != null) {
            return cached;
        }
        String fresh = compute();
        cache.put(KEY, fresh);
        return fresh;
    }

    /** Forgets the cached figures: the next call computes them. */
    public void invalidate() {
        cache.remove(KEY);
    }

    /** Every trader's figures, computed now, as JSON. */
    String compute() {
        Instant at = clock.instant();
        Map<Long, IntakeFigures> figures = intake.figures();
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
