package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.Caps;
import org.tickerdesk.copytrading.entity.Filters;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.WatchedTrader;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;
import org.tickerdesk.trading.entity.ExitRules;

class SimulatedFeedTest {

    private static final Duration SLOT = Duration.ofSeconds(10);
    private static final long SEED = 42;
    private static final long TRADER = 7;
    private static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC");

    /** Slot 200,000,000 starts at 2,000,000,000 s after the epoch. */
    private static final long SLOT_NOW = 200_000_000L;

    private final Map<String, Quote> quotes = new HashMap<>();
    private final RecordingSink sink = new RecordingSink();

    SimulatedFeedTest() {
        for (String symbol : SYMBOLS) {
            quotes.put(symbol, quote(symbol, 100));
        }
    }

    @Test
    void aTraderNeverSeenStartsWithTheCurrentSlotAndEachSlotIsDeliveredOnce() {
        SimulatedFeed feed = feed(SourceName.SIMULATED, at(SLOT_NOW, 3));
        feed.start(sink);

        feed.poll();
        feed.poll();

        assertEquals(leaderTrades(SLOT_NOW, SLOT_NOW, SLOT_NOW), sink.tradeIds());
    }

    @Test
    void laterSlotsFollowInOrder() {
        MutableClock clock = at(SLOT_NOW, 0);
        SimulatedFeed feed = feed(SourceName.SIMULATED, clock);
        feed.start(sink);
        feed.poll();

        clock.now = clock.now.plus(SLOT.multipliedBy(40));
        feed.poll();

        List<String> expected = leaderTrades(SLOT_NOW, SLOT_NOW + 40, SLOT_NOW);
        assertEquals(expected, sink.tradeIds());
        assertTrue(expected.size() >= 10, "40 slots open about 12 lots: " + expected);
        List<String> closesWithoutOpens =
                leaderTrades(SLOT_NOW, SLOT_NOW + 40).stream()
                        .filter(id -> !expected.contains(id))
                        .toList();
        assertTrue(
                !closesWithoutOpens.isEmpty()
                        && closesWithoutOpens.stream().allMatch(id -> id.contains("-c")),
                "only closes of lots opened before the trader was followed are left out: "
                        + closesWithoutOpens);
    }

    @Test
    void afterARestartATraderResumesAtTheSlotOfItsNewestEntry() {
        sink.last = Optional.of(Instant.ofEpochSecond((SLOT_NOW - 20) * 10));
        SimulatedFeed feed = feed(SourceName.SIMULATED, at(SLOT_NOW, 5));
        feed.start(sink);

        feed.poll();

        assertEquals(leaderTrades(SLOT_NOW - 20, SLOT_NOW), sink.tradeIds());
    }

    @Test
    void aRestartLongAfterTheNewestEntryCatchesUpSixtySlotsAtMost() {
        sink.last = Optional.of(Instant.ofEpochSecond((SLOT_NOW - 1000) * 10));
        SimulatedFeed feed = feed(SourceName.SIMULATED, at(SLOT_NOW, 5));
        feed.start(sink);

        feed.poll();

        assertEquals(leaderTrades(SLOT_NOW - 60, SLOT_NOW), sink.tradeIds());
    }

    @Test
    void aTraderEnabledAgainStartsAfreshAtTheCurrentSlot() {
        MutableClock clock = at(SLOT_NOW, 0);
        SimulatedFeed feed = feed(SourceName.SIMULATED, clock);
        feed.start(sink);
        feed.poll();
        sink.enabled = false;
        clock.now = clock.now.plus(SLOT.multipliedBy(20));
        feed.poll();
        sink.enabled = true;
        sink.last = Optional.of(Instant.ofEpochSecond(SLOT_NOW * 10));
        clock.now = clock.now.plus(SLOT.multipliedBy(20));

        feed.poll();

        List<String> expected = new ArrayList<>(leaderTrades(SLOT_NOW, SLOT_NOW, SLOT_NOW));
        expected.addAll(leaderTrades(SLOT_NOW + 40, SLOT_NOW + 40, SLOT_NOW + 40));
        assertEquals(expected, sink.tradeIds(), "nothing of the slots while disabled");
    }

    @Test
    void aSlotWithoutAQuoteWaitsForOne() {
        MutableClock clock = at(SLOT_NOW, 0);
        SimulatedFeed feed = feed(SourceName.SIMULATED, clock);
        feed.start(sink);
        feed.poll();
        Map<String, Quote> all = new HashMap<>(quotes);
        quotes.clear();
        clock.now = clock.now.plus(SLOT.multipliedBy(40));

        feed.poll();
        assertEquals(leaderTrades(SLOT_NOW, SLOT_NOW, SLOT_NOW), sink.tradeIds(), "nothing priced");

        quotes.putAll(all);
        feed.poll();
        assertEquals(leaderTrades(SLOT_NOW, SLOT_NOW + 40, SLOT_NOW), sink.tradeIds());
    }

    @Test
    void tradesArePricedAtTheLastPriceOrElseTheMidpoint() {
        quotes.put("AAA", new Quote("AAA", 9, 11, Double.NaN, 1, 1, 0, 0, 0, MarketDataType.LIVE));
        quotes.put("BBB", quote("BBB", 20.5));
        quotes.put("CCC", quote("CCC", 30));
        MutableClock clock = at(SLOT_NOW, 0);
        SimulatedFeed feed = feed(SourceName.SIMULATED, clock);
        feed.start(sink);
        feed.poll();
        clock.now = clock.now.plus(SLOT.multipliedBy(40));

        feed.poll();

        Map<String, BigDecimal> expected =
                Map.of(
                        "AAA",
                        BigDecimal.TEN,
                        "BBB",
                        new BigDecimal("20.5"),
                        "CCC",
                        BigDecimal.valueOf(30));
        assertTrue(sink.trades.size() >= 10, "trades: " + sink.trades);
        for (LeaderTrade trade : sink.trades) {
            assertEquals(
                    0, expected.get(trade.symbol()).compareTo(trade.price()), trade.toString());
        }
    }

    @Test
    void withMarketDataFromIbkrTheFeedIsUnavailableAndDeliversNothing() {
        SimulatedFeed feed = feed(SourceName.IBKR, at(SLOT_NOW, 0));
        feed.start(sink);

        feed.poll();

        assertEquals(
                Optional.of(
                        "simulated leaders trade only the simulated market, and the market data"
                                + " here come from ibkr (TICKERDESK_SOURCE)"),
                feed.unavailable());
        assertEquals(List.of(), sink.tradeIds());
        assertEquals(0, sink.followedCalls);
    }

    @Test
    void aTradesLotIsReadFromItsId() {
        assertEquals(
                123L,
                SimulatedFeed.openedIn(
                        new LeaderTrade(
                                "s2a-c123",
                                "AAA",
                                org.tickerdesk.trading.entity.Side.SELL,
                                BigDecimal.ONE,
                                BigDecimal.ONE,
                                Instant.EPOCH,
                                null)));
    }

    @Test
    void eachTraderHasItsOwnLeader() {
        assertEquals(42_000_133L, SimulatedFeed.leaderSeed(42, 7));
        assertEquals(42_000_134L, SimulatedFeed.leaderSeed(42, 8));
    }

    private SimulatedFeed feed(SourceName source, Clock clock) {
        return new SimulatedFeed(
                SEED,
                SLOT,
                new Upstream(source, BrokerName.PAPER),
                symbol -> Optional.ofNullable(quotes.get(symbol)),
                () ->
                        List.of(
                                Contract.stock("CCC", "SIM"),
                                Contract.stock("AAA", "SIM"),
                                Contract.stock("BBB", "SIM")),
                clock);
    }

    /** The ids of the trades the leader of trader 7 makes in slots {@code from} to {@code to}. */
    private static List<String> leaderTrades(long from, long to) {
        return leaderTrades(from, to, Long.MIN_VALUE);
    }

    /** As above, without the closes of lots opened before slot {@code since}. */
    private static List<String> leaderTrades(long from, long to, long since) {
        SimulatedLeader leader =
                new SimulatedLeader(
                        SimulatedFeed.leaderSeed(SEED, TRADER),
                        SYMBOLS,
                        SLOT,
                        SimulatedFeed.PORTFOLIO);
        List<String> ids = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            leader.tradesIn(s, symbol -> BigDecimal.ONE).stream()
                    .filter(t -> SimulatedFeed.openedIn(t) >= since)
                    .forEach(t -> ids.add(t.tradeId()));
        }
        return ids;
    }

    private static Quote quote(String symbol, double last) {
        return new Quote(
                symbol, last - 0.01, last + 0.01, last, 1, 1, 1, 1, 0, MarketDataType.LIVE);
    }

    private static MutableClock at(long slot, int secondsIn) {
        return new MutableClock(Instant.ofEpochSecond(slot * 10 + secondsIn));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static final class RecordingSink implements TradeSink {
        final List<LeaderTrade> trades = new ArrayList<>();
        Optional<Instant> last = Optional.empty();
        int followedCalls;
        boolean enabled = true;

        @Override
        public List<WatchedTrader> followed() {
            followedCalls++;
            if (!enabled) {
                return List.of();
            }
            return List.of(
                    new WatchedTrader(
                            TRADER,
                            new TraderSettings(
                                    "Sim",
                                    "simulated",
                                    true,
                                    false,
                                    BigDecimal.valueOf(10_000),
                                    Sizing.ratio(BigDecimal.ONE),
                                    Caps.NONE,
                                    Filters.NONE,
                                    true,
                                    null,
                                    ExitRules.NONE)));
        }

        @Override
        public IntakeSnapshot deliver(long traderId, LeaderTrade trade) {
            assertEquals(TRADER, traderId);
            trades.add(trade);
            return null;
        }

        @Override
        public Optional<Instant> lastTradeTime(long traderId) {
            return last;
        }

        List<String> tradeIds() {
            return trades.stream().map(LeaderTrade::tradeId).toList();
        }
    }
}
