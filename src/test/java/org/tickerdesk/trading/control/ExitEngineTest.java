package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.testing.RecordingEvent;
import org.tickerdesk.testing.SettableClock;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionPrice;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.PositionsPriced;
import org.tickerdesk.trading.entity.Side;

/** What the engine turns fired rules into: exits of whole units, each rule once. */
class ExitEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-30T15:00:00Z");

    private final List<ExitPlan> submitted = new ArrayList<>();
    private ExitEngine engine;
    private MarketDemand demand;

    @BeforeEach
    void wire() {
        SettableClock clock = new SettableClock(T0);
        engine = new ExitEngine();
        engine.clock = clock;
        demand = new MarketDemand(clock, change -> {});
        engine.demand = demand;
        engine.quotes =
                new QuoteStore() {
                    @Override
                    public Optional<Quote> latest(String symbol) {
                        return Optional.empty();
                    }
                };
        engine.orders =
                new ExitOrders() {
                    @Override
                    public void submit(List<ExitPlan> plans) {
                        submitted.addAll(plans);
                    }
                };
    }

    private static PositionSnapshot position(
            long id, Side side, int quantity, double entry, String rules, PositionState state) {
        return position(id, side, quantity, entry, rules, state, "paper");
    }

    private static PositionSnapshot position(
            long id,
            Side side,
            int quantity,
            double entry,
            String rules,
            PositionState state,
            String broker) {
        BigDecimal held = BigDecimal.valueOf(side == Side.BUY ? quantity : -quantity);
        return new PositionSnapshot(
                id,
                "AAPL",
                broker,
                broker,
                PositionOrigin.ADMIN,
                state,
                side,
                null,
                BigDecimal.valueOf(quantity),
                held,
                BigDecimal.valueOf(entry),
                null,
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                ExitRulesJson.write(
                                ExitRulesJson.read(
                                        Json.createReader(new java.io.StringReader(rules))
                                                .readObject(),
                                        "rules"))
                        .toString(),
                null,
                T0,
                null,
                T0,
                T0,
                null);
    }

    private void tick(double last) {
        engine.onQuote(
                new Quote(
                        "AAPL",
                        last - 0.01,
                        last + 0.01,
                        last,
                        1,
                        1,
                        1,
                        1,
                        T0.getEpochSecond() * 1_000_000,
                        MarketDataType.LIVE));
    }

    @Test
    void eachExitSaysWhichBrokerHoldsItsPositionSoThatAPaperOnesGoesToThePaperBroker() {
        String stop = "{\"stopLoss\":{\"percent\":2}}";
        engine.track(position(11, Side.BUY, 3, 100, stop, PositionState.OPEN, "ibkr"), Set.of());
        engine.track(position(12, Side.BUY, 4, 100, stop, PositionState.OPEN, "paper"), Set.of());
        // both stops at 100 x 0.98 = 98; a bid of 97.99 reaches them
        tick(98.00);
        assertEquals(2, submitted.size(), submitted.toString());
        ExitPlan live = submitted.stream().filter(p -> p.positionId() == 11).findFirst().get();
        ExitPlan paper = submitted.stream().filter(p -> p.positionId() == 12).findFirst().get();
        assertEquals("ibkr", live.broker());
        assertEquals("paper", paper.broker());
        assertEquals(0, new BigDecimal("4").compareTo(paper.held()));
        assertTrue(paper.closesAll());
    }

    @Test
    void aLadderSellsItsRungsInWholeUnitsAndTheLastClosesAll() {
        engine.track(
                position(
                        1,
                        Side.BUY,
                        10,
                        100,
                        "{\"takeProfit\":[{\"percent\":5,\"fraction\":0.5},"
                                + "{\"percent\":10,\"fraction\":0.5}]}",
                        PositionState.OPEN),
                Set.of());
        tick(105);
        tick(106);
        tick(110);
        assertEquals(2, submitted.size());
        assertEquals("TAKE_PROFIT:1", submitted.get(0).rule());
        assertEquals(0, BigDecimal.valueOf(5).compareTo(submitted.get(0).quantity()));
        assertEquals(false, submitted.get(0).closesAll());
        assertEquals("TAKE_PROFIT:2", submitted.get(1).rule());
        assertTrue(submitted.get(1).closesAll());
        assertEquals(OrderType.MKT, submitted.get(1).orderType());
    }

    @Test
    void aRungWorthLessThanOneUnitIsSkippedAndTheStopStillClosesAll() {
        engine.track(
                position(
                        2,
                        Side.BUY,
                        1,
                        100,
                        "{\"stopLoss\":{\"percent\":2},"
                                + "\"takeProfit\":[{\"percent\":5,\"fraction\":0.3}]}",
                        PositionState.OPEN),
                Set.of());
        tick(105);
        assertEquals(List.of(), submitted);
        tick(97.9);
        assertEquals(1, submitted.size());
        assertEquals("STOP_LOSS", submitted.get(0).rule());
        assertTrue(submitted.get(0).closesAll());
    }

    @Test
    void aStopFiresOnceHoweverManyTicksCrossIt() {
        engine.track(
                position(3, Side.SELL, 4, 100, "{\"stopLoss\":{\"amount\":3}}", PositionState.OPEN),
                Set.of());
        tick(102.9);
        tick(103);
        tick(104);
        tick(90);
        assertEquals(1, submitted.size());
        assertEquals(0, new BigDecimal("103.0").compareTo(submitted.get(0).triggerLevel()));
    }

    @Test
    void aLimitExitSitsItsOffsetBeyondTheTriggerPrice() {
        engine.track(
                position(
                        4,
                        Side.BUY,
                        10,
                        100,
                        "{\"stopLoss\":{\"percent\":2},\"exitOrder\":{\"type\":\"LIMIT\","
                                + "\"offsetPercent\":1,\"fallbackSeconds\":5}}",
                        PositionState.OPEN),
                Set.of());
        tick(97);
        // a sale: 1 % below the price that fired it, 97 x 0.99
        assertEquals(OrderType.LMT, submitted.get(0).orderType());
        assertEquals(96.03, submitted.get(0).limitPrice().doubleValue(), 1e-9);
    }

    @Test
    void aRungThatFiredBeforeARestartIsNotTakenAgain() {
        engine.track(
                position(
                        5,
                        Side.BUY,
                        10,
                        100,
                        "{\"takeProfit\":[{\"percent\":5,\"fraction\":0.5},"
                                + "{\"percent\":10,\"fraction\":0.5}]}",
                        PositionState.OPEN),
                Set.of("TAKE_PROFIT:1"));
        tick(106);
        assertEquals(List.of(), submitted);
    }

    @Test
    void anEngineThatOnlyWatchesPricesItsPositionsButFiresNothingUntilItGuardsAgain() {
        String stop = "{\"stopLoss\":{\"percent\":2}}";
        engine.watchOnly();
        engine.track(position(7, Side.BUY, 1, 100, stop, PositionState.OPEN), Set.of());
        assertFalse(engine.guarding());
        assertEquals(1, engine.guarded(), "tracked, for its price");

        tick(97);
        assertEquals(List.of(), submitted, "98 was crossed, but another member guards");
        assertEquals(97.0, engine.price(7, "AAPL").orElseThrow().price(), 1e-9);

        engine.guard();
        assertEquals(0, engine.guarded(), "taking the guard forgets what only watching fired");
        engine.track(position(7, Side.BUY, 1, 100, stop, PositionState.OPEN), Set.of());
        tick(97);
        assertEquals(
                List.of(7L), submitted.stream().map(ExitPlan::positionId).toList(), "once, by 7");
    }

    @Test
    void aClosedPositionIsNoLongerGuardedNorItsInstrumentDemanded() {
        PositionSnapshot open =
                position(6, Side.BUY, 1, 100, "{\"stopLoss\":{\"percent\":2}}", PositionState.OPEN);
        engine.track(open, Set.of());
        assertEquals(1, engine.guarded());
        assertTrue(demand.needed("AAPL"));
        engine.track(
                position(
                        6,
                        Side.BUY,
                        1,
                        100,
                        "{\"stopLoss\":{\"percent\":2}}",
                        PositionState.CLOSED),
                Set.of());
        assertEquals(0, engine.guarded());
        tick(50);
        assertEquals(List.of(), submitted);
    }

    @Test
    void aClosingStateAnnouncedAfterTheCloseGuardsNothingAgain() {
        String rules = "{\"stopLoss\":{\"percent\":2}}";
        engine.track(position(7, Side.BUY, 1, 100, rules, PositionState.OPEN), Set.of());
        engine.track(position(7, Side.BUY, 0, 100, rules, PositionState.CLOSED), Set.of());
        engine.track(position(7, Side.BUY, 1, 100, rules, PositionState.CLOSING), Set.of());
        assertEquals(0, engine.guarded());
    }

    @Test
    void pricesAreBuiltOnlyWhileSomeoneWatchesAndWhatMovedMeanwhileComesOnceTheyDo() {
        List<PositionsPriced> published = new ArrayList<>();
        engine.priced = new RecordingEvent<>(published);
        boolean[] watching = {false};
        engine.watchPricesWith(() -> watching[0]);
        engine.track(
                position(
                        1, Side.BUY, 10, 100, "{\"stopLoss\":{\"percent\":5}}", PositionState.OPEN),
                Set.of());
        tick(101);

        engine.publishPrices();
        assertEquals(List.of(), published);

        watching[0] = true;
        engine.publishPrices();
        assertEquals(1, published.size());
        PositionPrice price = published.get(0).prices().get(0);
        assertEquals(1, price.positionId());
        assertEquals(101, price.price(), 1e-9);
        // (101 - 100) x 10
        assertEquals(10, price.unrealizedPnl(), 1e-9);

        engine.publishPrices();
        assertEquals(1, published.size(), "nothing moved since");
    }

    @Test
    void demandIsAskedWithNoLockHeldSoThatAListenerWaitingForAnotherTrackDoesNotHang()
            throws Exception {
        String stop = "{\"stopLoss\":{\"percent\":2}}";
        // as the market-data singleton starting while the server starts: the first demand for a
        // symbol waits for another thread, which tracks a position in the same symbol
        List<Throwable> failed = new ArrayList<>();
        engine.demand =
                new MarketDemand(
                        new SettableClock(T0),
                        change -> {
                            if (!change.needed()) {
                                return;
                            }
                            Thread other =
                                    new Thread(
                                            () ->
                                                    engine.track(
                                                            position(
                                                                    22,
                                                                    Side.BUY,
                                                                    1,
                                                                    100,
                                                                    stop,
                                                                    PositionState.OPEN),
                                                            Set.of()));
                            other.start();
                            try {
                                other.join(5_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            if (other.isAlive()) {
                                failed.add(new AssertionError("the other track waited for ours"));
                            }
                        });
        Thread first =
                new Thread(
                        () ->
                                engine.track(
                                        position(21, Side.BUY, 1, 100, stop, PositionState.OPEN),
                                        Set.of()));
        first.start();
        first.join(10_000);

        assertFalse(first.isAlive(), "the first track returned");
        assertEquals(List.of(), failed);
        assertEquals(2, engine.guarded(), "both positions guarded, in one instrument");
        // both stops at 98: one tick reaches them
        tick(97.5);
        assertEquals(
                Set.of(21L, 22L),
                Set.copyOf(submitted.stream().map(ExitPlan::positionId).toList()));
    }
}
