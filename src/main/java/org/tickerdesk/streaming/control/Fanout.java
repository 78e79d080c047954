package org.tickerdesk.streaming.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tickerdesk.analytics.control.LiveAnalytics;
import org.tickerdesk.analytics.entity.Candle;
import org.tickerdesk.analytics.entity.IndicatorValue;
import org.tickerdesk.copytrading.entity.CurveChanged;
import org.tickerdesk.copytrading.entity.IntakeChanged;
import org.tickerdesk.copytrading.entity.TraderChanged;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.entity.DemandChanged;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NumberedQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.notifications.entity.ChannelStatus;
import org.tickerdesk.notifications.entity.NotificationSnapshot;
import org.tickerdesk.resolution.entity.ResolutionOverview;
import org.tickerdesk.resolution.entity.ResolutionRunFinished;
import org.tickerdesk.streaming.entity.StatusChanged;
import org.tickerdesk.streaming.entity.StreamKind;
import org.tickerdesk.streaming.entity.StreamName;
import org.tickerdesk.streaming.entity.Trade;
import org.tickerdesk.tasks.entity.TaskSnapshot;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.PositionPrice;
import org.tickerdesk.trading.entity.PositionSnapshot;

/**
 * Routes quotes, trades, news and collection changes to the clients that subscribed to them, each
 * kind through its {@link StreamFamily}, so a value costs work only for the clients that want it. A
 * quote goes to {@code quotes:SYM}, and to {@code trades:SYM} when it carries a trade; a news item
 * about a symbol to {@code news:SYM} and {@code news:*}, other news to {@code news:*} only. Every
 * quote or trade subscription is also a hold on {@link MarketDemand}, so a demand-driven source
 * streams what clients want and nothing else. The {@code jobs} stream is one {@link JobsStream},
 * the {@code orders} stream one {@link OrdersStream}, the {@code positions} stream one {@link
 * PositionsStream}, the {@code tasks} stream one {@link TasksStream}, the {@code resolutions}
 * stream one {@link ResolutionsStream}, the {@code notifications} stream one {@link
 * NotificationsStream}, the {@code traders} stream one {@link TradersStream}; the {@code status}
 * stream one {@link DataStream} of the admin's status, numbered, kept and recovered like any other.
 * In a cluster a quote stream is numbered by the leader ({@link NumberedQuote}): its epoch is the
 * leader's term's, its offsets the tick numbers, the same on every member.
 */
final class Fanout {

    /** News items a news stream's snapshot shows: enough to see what the latest was about. */
    static final int NEWS_SNAPSHOT = 5;

    /** A client's hold on a symbol's quotes for one kind of stream. */
    private record Holder(ClientConnection client, StreamKind kind) {}

    private final StreamFamily<Quote> quotes;
    private final StreamFamily<Trade> trades;
    private final StreamFamily<News> news;
    private final Map<StreamKind, StreamFamily<?>> families = new EnumMap<>(StreamKind.class);
    private final LiveFigures live;
    private final TradeTape tape = new TradeTape();
    private final MarketDemand demand;
    private final JobsStream jobs;
    private final OrdersStream orders;
    private final PositionsStream positions;
    private final TasksStream tasks;
    private final ResolutionsStream resolutions;
    private final NotificationsStream notifications;
    private final TradersStream traders;
    private final DataStream<StatusChanged> status;
    private final StreamContext context;

    /** The last term's epoch, so that a tick of the same term makes no new text. */
    private volatile TermEpoch termEpoch = new TermEpoch(0, "", "");

    private record TermEpoch(long term, String leader, String epoch) {}

    /**
     * @param storedQuote a symbol's latest stored quote, however old, for the snapshot of a quote
     *     stream that has not ticked in this server run
     * @param stale whether a quote is stale now, which a quote stream's snapshot says
     * @param storedNews the latest stored news of a news stream, newest first, for the snapshot of
     *     one that has published none in this server run
     */
    Fanout(
            StreamContext context,
            Function<String, List<Quote>> storedQuote,
            Predicate<Quote> stale,
            Function<String, List<News>> storedNews,
            LiveAnalytics analytics,
            MarketDemand demand,
            JobsStream jobs,
            OrdersStream orders,
            PositionsStream positions,
            TasksStream tasks,
            ResolutionsStream resolutions,
            NotificationsStream notifications,
            TradersStream traders) {
        Objects.requireNonNull(storedQuote, "storedQuote");
        Objects.requireNonNull(stale, "stale");
        Objects.requireNonNull(storedNews, "storedNews");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.positions = Objects.requireNonNull(positions, "positions");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.resolutions = Objects.requireNonNull(resolutions, "resolutions");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.traders = Objects.requireNonNull(traders, "traders");
        this.context = context;
        status =
                new DataStream<>(
                        StatusFrames.NAME,
                        new DataStream.Shape<>(StatusFrames.STATUS, StatusFrames::write, 1),
                        context);
        quotes =
                new StreamFamily<>(
                        new StreamFamily.Traits<>(
                                StreamKind.QUOTES,
                                new DataStream.Shape<>(
                                        QuoteFrames.QUOTE, QuoteFrames.judgingSnapshots(stale), 1),
                                true,
                                true,
                                name -> storedQuote.apply(symbolOf(name))),
                        context);
        trades =
                new StreamFamily<>(
                        new StreamFamily.Traits<>(
                                StreamKind.TRADES,
                                new DataStream.Shape<>(TradeFrames.TRADE, TradeFrames::write, 1),
                                true,
                                true,
                                name -> List.of()),
                        context);
        news =
                new StreamFamily<>(
                        new StreamFamily.Traits<>(
                                StreamKind.NEWS,
                                new DataStream.Shape<>(
                                        NewsFrames.NEWS, NewsFrames::write, NEWS_SNAPSHOT),
                                false,
                                false,
                                name -> oldestFirst(storedNews.apply(name))),
                        context);
        families.put(StreamKind.QUOTES, quotes);
        families.put(StreamKind.TRADES, trades);
        families.put(StreamKind.NEWS, news);
        live = analytics == null ? null : new LiveFigures(analytics, context);
        if (live != null) {
            families.put(StreamKind.CANDLES, live.candles());
            families.put(StreamKind.INDICATORS, live.indicators());
        }
    }

    void publish(Quote quote) {
        quotes.publish(StreamName.quotes(quote.symbol()), quote);
        tape.tradeIn(quote)
                .ifPresent(
                        trade ->
                                trades.publish(
                                        StreamName.of(StreamKind.TRADES, trade.symbol()), trade));
    }

    /**
     * A tick as the cluster numbered it: the same message, with the same epoch and offset, as every
     * other member sends. Trades are this member's own, as standalone.
     */
    void publish(NumberedQuote tick) {
        Quote quote = tick.quote();
        quotes.publish(
                StreamName.quotes(quote.symbol()),
                quote,
                tick.term(),
                epochOf(tick),
                tick.sequence());
        tape.tradeIn(quote)
                .ifPresent(
                        trade ->
                                trades.publish(
                                        StreamName.of(StreamKind.TRADES, trade.symbol()), trade));
    }

    /**
     * The epoch of a leader's term, the same text on every member: {@code t<term>-} and the start
     * of the leader's UUID, which tells apart the terms of two clusters (or of one whose database
     * was made anew) that count the same.
     */
    static String clusterEpoch(long term, String leader) {
        String id = leader.replace("-", "");
        return "t" + term + "-" + id.substring(0, Math.min(12, id.length()));
    }

    private String epochOf(NumberedQuote tick) {
        TermEpoch known = termEpoch;
        if (known.term() != tick.term() || !known.leader().equals(tick.leader())) {
            known =
                    new TermEpoch(
                            tick.term(), tick.leader(), clusterEpoch(tick.term(), tick.leader()));
            termEpoch = known;
        }
        return known.epoch();
    }

    void publish(News item) {
        if (item.symbol() != null) {
            news.publish(StreamName.of(StreamKind.NEWS, item.symbol()), item);
        }
        news.publish(StreamName.of(StreamKind.NEWS, StreamName.EVERY_SYMBOL), item);
    }

    void publish(Candle candle) {
        if (live != null) {
            live.publish(candle);
        }
    }

    void publish(IndicatorValue value) {
        if (live != null) {
            live.publish(value);
        }
    }

    /**
     * The kinds served, for messages: "quotes, trades, news, jobs, orders, positions, tasks,
     * resolutions, notifications, traders and status".
     */
    String served() {
        List<String> kinds = new ArrayList<>();
        families.keySet().forEach(kind -> kinds.add(kind.wire()));
        kinds.add(StreamKind.JOBS.wire());
        kinds.add(StreamKind.ORDERS.wire());
        kinds.add(StreamKind.POSITIONS.wire());
        kinds.add(StreamKind.TASKS.wire());
        kinds.add(StreamKind.RESOLUTIONS.wire());
        kinds.add(StreamKind.NOTIFICATIONS.wire());
        kinds.add(StreamKind.TRADERS.wire());
        return String.join(", ", kinds) + " and " + StreamKind.STATUS.wire();
    }

    /** Whether this version serves the private kind. */
    static boolean servesPrivate(StreamKind kind) {
        return kind == StreamKind.JOBS
                || kind == StreamKind.ORDERS
                || kind == StreamKind.POSITIONS
                || kind == StreamKind.TASKS
                || kind == StreamKind.RESOLUTIONS
                || kind == StreamKind.NOTIFICATIONS
                || kind == StreamKind.TRADERS
                || kind == StreamKind.STATUS;
    }

    /**
     * Refuses a stream of a served kind that this kind cannot have, such as an unknown interval.
     */
    void check(StreamName name) {
        if (name.kind() == StreamKind.CANDLES || name.kind() == StreamKind.INDICATORS) {
            LiveFigures.check(name);
        }
    }

    void publish(JobSnapshot job) {
        jobs.publish(job);
    }

    void publish(OrderSnapshot order) {
        orders.publish(order);
    }

    void publish(PositionSnapshot position) {
        positions.publish(position);
    }

    void publish(List<PositionPrice> prices) {
        positions.publish(prices);
    }

    void publish(TaskSnapshot task) {
        tasks.publish(task);
    }

    void publish(ResolutionOverview resolution) {
        resolutions.publish(resolution);
    }

    void publish(ResolutionRunFinished run) {
        resolutions.publish(run);
    }

    void publish(NotificationSnapshot notification) {
        notifications.publish(notification);
    }

    void publish(ChannelStatus channel) {
        notifications.publish(channel);
    }

    void publish(TraderChanged changed) {
        traders.publish(changed);
    }

    void publish(IntakeChanged changed) {
        traders.publish(changed);
    }

    void publish(CurveChanged changed) {
        traders.publish(changed);
    }

    void publish(StatusChanged changed) {
        status.publish(changed);
    }

    /** The family of a kind, if this version serves it. */
    StreamFamily<?> family(StreamKind kind) {
        return families.get(kind);
    }

    /** Adds a subscription; the client already lists it among its streams. */
    void subscribe(ClientConnection client, StreamName name, Subscription how) {
        if (name.kind() == StreamKind.JOBS) {
            jobs.join(client, how.snapshot(), how.since().get(JobsStream.NAME));
            return;
        }
        if (name.kind() == StreamKind.ORDERS) {
            orders.join(client, how.snapshot(), how.since().get(OrderFrames.NAME));
            return;
        }
        if (name.kind() == StreamKind.POSITIONS) {
            positions.join(client, how.snapshot(), how.since().get(PositionFrames.NAME));
            return;
        }
        if (name.kind() == StreamKind.TASKS) {
            tasks.join(client, how.snapshot(), how.since().get(TasksStream.NAME));
            return;
        }
        if (name.kind() == StreamKind.RESOLUTIONS) {
            resolutions.join(client, how.snapshot(), how.since().get(ResolutionsStream.NAME));
            return;
        }
        if (name.kind() == StreamKind.NOTIFICATIONS) {
            notifications.join(client, how.snapshot(), how.since().get(NotificationFrames.NAME));
            return;
        }
        if (name.kind() == StreamKind.TRADERS) {
            traders.join(client, how.snapshot(), how.since().get(TradersStream.NAME));
            return;
        }
        if (name.kind() == StreamKind.STATUS) {
            status.join(
                    client,
                    Delivery.asAsked(client, how, context),
                    how.snapshot(),
                    how.since().get(StatusFrames.NAME),
                    List.of());
            return;
        }
        if (name.kind() != StreamKind.NEWS) {
            demand.hold(new Holder(client, name.kind()), demandedSymbol(name));
        }
        if (name.kind() == StreamKind.INDICATORS) {
            live.want(name);
        }
        families.get(name.kind()).subscribe(client, name, how);
    }

    /** Removes a subscription; the client no longer lists it among its streams. */
    void unsubscribe(ClientConnection client, StreamName name) {
        if (name.kind() == StreamKind.JOBS) {
            jobs.leave(client);
            return;
        }
        if (name.kind() == StreamKind.ORDERS) {
            orders.leave(client);
            return;
        }
        if (name.kind() == StreamKind.POSITIONS) {
            positions.leave(client);
            return;
        }
        if (name.kind() == StreamKind.TASKS) {
            tasks.leave(client);
            return;
        }
        if (name.kind() == StreamKind.RESOLUTIONS) {
            resolutions.leave(client);
            return;
        }
        if (name.kind() == StreamKind.NOTIFICATIONS) {
            notifications.leave(client);
            return;
        }
        if (name.kind() == StreamKind.TRADERS) {
            traders.leave(client);
            return;
        }
        if (name.kind() == StreamKind.STATUS) {
            status.leave(client);
            return;
        }
        if (name.kind() != StreamKind.NEWS) {
            demand.release(new Holder(client, name.kind()), demandedSymbol(name));
        }
        if (name.kind() == StreamKind.INDICATORS) {
            live.release(name);
        }
        families.get(name.kind()).unsubscribe(client, name);
    }

    /** Forgets a client that has gone. */
    void remove(ClientConnection client) {
        for (StreamKind kind :
                List.of(
                        StreamKind.QUOTES,
                        StreamKind.TRADES,
                        StreamKind.CANDLES,
                        StreamKind.INDICATORS)) {
            demand.releaseAll(new Holder(client, kind));
        }
        if (live != null) {
            client.subscriptions().stream()
                    .filter(stream -> stream.startsWith(StreamKind.INDICATORS.wire() + ":"))
                    .map(StreamName::parse)
                    .forEach(live::release);
        }
        families.values().forEach(family -> family.remove(client));
        jobs.leave(client);
        orders.leave(client);
        positions.leave(client);
        tasks.leave(client);
        resolutions.leave(client);
        notifications.leave(client);
        traders.leave(client);
        status.leave(client);
    }

    /** A symbol left the watchlist: its last quote and trade are no longer offered as snapshots. */
    void forget(String symbol) {
        quotes.forget(StreamName.quotes(symbol));
        trades.forget(StreamName.of(StreamKind.TRADES, symbol));
    }

    /** Gives up the history that has grown too old, also of streams that went quiet. */
    void expireHistories() {
        families.values().forEach(StreamFamily::expireHistories);
        status.expireHistory();
    }

    private static String demandedSymbol(StreamName name) {
        return name.everySymbol() ? DemandChanged.EVERY_SYMBOL : name.symbol();
    }

    private static String symbolOf(String stream) {
        return stream.substring(stream.indexOf(':') + 1);
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> latest =
                new ArrayList<>(
                        newestFirst.subList(0, Math.min(NEWS_SNAPSHOT, newestFirst.size())));
        Collections.reverse(latest);
        return latest;
    }
}
