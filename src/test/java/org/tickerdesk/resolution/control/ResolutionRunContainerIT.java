package org.tickerdesk.resolution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.marketdata.control.MarketDemand;
import org.tickerdesk.marketdata.control.SimulatedPrices;
import org.tickerdesk.marketdata.entity.SimulatedTick;
import org.tickerdesk.resolution.entity.InstrumentResolved;
import org.tickerdesk.resolution.entity.ResolutionSnapshot;
import org.tickerdesk.resolution.entity.ResolutionState;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.trading.control.ExitEngine;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.control.PositionStore;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.ExitState;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.PositionSettled;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;

/**
 * The resolution run against the real stores with the simulated source: a future that expired three
 * days ago, quoted by the simulated market and held at prices this test sets, has its open long and
 * short settled at its last price by the first run, each announced inside the settling transaction,
 * and the second run changes nothing. A future that expired but was never quoted cannot be
 * determined and stays awaiting, with the reason.
 *
 * <p>The paper broker fills at the touch and one tick (0.25) of slippage: the long 2 is bought at
 * the ask 100.25 + 0.25 = 100.50, the short 3 sold at the bid 99.75 − 0.25 = 99.50. Settled at the
 * last price 104: the long realises (104 − 100.50) × 2 = 7, the short (99.50 − 104) × 3 = −13.5.
 */
@ExtendWith(ArquillianExtension.class)
class ResolutionRunContainerIT {

    private static final String QUOTED = "RCQZ6";
    private static final String NEVER_QUOTED = "RCNQZ6";
    private static final String CLOSING = "RCCZ6";
    private static final String STOP = "{\"stopLoss\":{\"percent\":50}}";
    private static final String LIMIT_TARGET =
            "{\"takeProfit\":{\"percent\":5},\"exitOrder\":{\"type\":\"LIMIT\","
                    + "\"offsetPercent\":0,\"fallbackSeconds\":600}}";

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject Resolutions resolutions;

    @Inject ResolutionStore store;

    @Inject ResolutionSources sources;

    @Inject InstrumentCatalog catalog;

    @Inject Positions positions;

    @Inject PositionStore positionStore;

    @Inject ExitEngine engine;

    @Inject MarketDemand demand;

    @Inject SimulatedPrices prices;

    @Inject SettledEvents settledEvents;

    @Inject OrderDesk desk;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    /**
     * Every PositionSettled seen, and whether a transaction was active when it came; every
     * instrument resolved.
     */
    @ApplicationScoped
    public static class SettledEvents {

        @Resource TransactionSynchronizationRegistry transactions;

        private final List<String> seen = new CopyOnWriteArrayList<>();

        private final List<String> resolved = new CopyOnWriteArrayList<>();

        List<String> seen() {
            return List.copyOf(seen);
        }

        List<String> resolved() {
            return List.copyOf(resolved);
        }

        void on(@Observes InstrumentResolved resolution) {
            resolved.add(resolution.resolution().symbol());
        }

        void on(@Observes PositionSettled settled) {
            seen.add(
                    settled.position().id()
                            + (transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                                    ? " in a transaction"
                                    : " outside a transaction"));
        }
    }

    @Test
    void theRunSettlesAnExpiredSimulatedFuturesPositionsOnceAndLeavesTheUndeterminableAwaiting()
            throws Exception {
        LocalDate expired = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        catalog.watch(
                new Contract(
                        QUOTED,
                        InstrumentKind.FUTURE,
                        "CME",
                        "USD",
                        new BigDecimal("0.25"),
                        expired),
                "expired three days ago");
        insertUnwatched(NEVER_QUOTED, expired);
        hold(100, 99.75, 100.25);
        PositionSnapshot buy = open("BUY", "2");
        PositionSnapshot sell = open("SELL", "3");
        assertEquals(0, new BigDecimal("100.5").compareTo(buy.averagePrice()), buy.toString());
        assertEquals(0, new BigDecimal("99.5").compareTo(sell.averagePrice()), sell.toString());
        assertTrue(engine.price(buy.id(), QUOTED).isPresent(), "guarded while open");
        hold(104, 103.75, 104.25);

        resolutions.run();

        ResolutionSnapshot resolved = store.find(QUOTED).orElseThrow();
        assertEquals(ResolutionState.RESOLVED, resolved.state());
        assertEquals("simulated", resolved.source());
        assertEquals(0, new BigDecimal("104").compareTo(resolved.settlementPrice()));
        assertEquals(2, resolved.positionsSettled());
        PositionSnapshot longSettled = positionStore.find(buy.id()).orElseThrow();
        PositionSnapshot shortSettled = positionStore.find(sell.id()).orElseThrow();
        assertEquals(PositionState.SETTLED, longSettled.state());
        assertEquals(PositionState.SETTLED, shortSettled.state());
        assertEquals(
                0,
                new BigDecimal("7").compareTo(longSettled.realizedPnl()),
                longSettled.toString());
        assertEquals(
                0,
                new BigDecimal("-13.5").compareTo(shortSettled.realizedPnl()),
                shortSettled.toString());
        assertEquals(0, BigDecimal.ZERO.compareTo(longSettled.quantity()));
        assertEquals(
                List.of(buy.id() + " in a transaction", sell.id() + " in a transaction"),
                settledEvents.seen().stream()
                        .filter(s -> s.startsWith(buy.id() + " ") || s.startsWith(sell.id() + " "))
                        .toList());
        assertFalse(engine.price(buy.id(), QUOTED).isPresent(), "no longer guarded");
        assertNull(demand.holdings().get(QUOTED), "nothing holds its market data any more");

        ResolutionSnapshot awaiting = store.find(NEVER_QUOTED).orElseThrow();
        assertEquals(ResolutionState.AWAITING, awaiting.state());
        assertNull(awaiting.settlementPrice());
        assertTrue(awaiting.reason().contains("never quoted"), awaiting.reason());

        resolutions.run();

        assertEquals(resolved, store.find(QUOTED).orElseThrow());
        assertEquals(longSettled, positionStore.find(buy.id()).orElseThrow());
        assertEquals(shortSettled, positionStore.find(sell.id()).orElseThrow());
        assertEquals(
                2,
                settledEvents.seen().stream()
                        .filter(s -> s.startsWith(buy.id() + " ") || s.startsWith(sell.id() + " "))
                        .count(),
                "each announced once");
        assertEquals(ResolutionState.AWAITING, store.find(NEVER_QUOTED).orElseThrow().state());
        assertEquals(
                List.of(QUOTED),
                settledEvents.resolved().stream()
                        .filter(s -> s.equals(QUOTED) || s.equals(NEVER_QUOTED))
                        .toList(),
                "resolved once, the undeterminable never");

        prices.release(QUOTED);
        catalog.unwatch(QUOTED);
    }

    /**
     * A long of 2 bought at 100.50 whose take-profit fired at a last of 110 with a limit exit at
     * 110, which rests while the bid is 100: settled at the last price 110 it realises (110 −
     * 100.50) × 2 = 19, its exit stands down and its working order is cancelled.
     */
    @Test
    void aClosingPositionSettlesAndItsWorkingExitOrderIsCancelled() throws Exception {
        catalog.watch(
                new Contract(
                        CLOSING,
                        InstrumentKind.FUTURE,
                        "CME",
                        "USD",
                        new BigDecimal("0.25"),
                        LocalDate.now(ZoneOffset.UTC).minusDays(3)),
                "expired three days ago");
        hold(CLOSING, 100, 99.75, 100.25);
        PositionSnapshot buy = open(CLOSING, "BUY", "2", LIMIT_TARGET);
        hold(CLOSING, 110, 100, 120);
        String exit = "x-" + buy.id() + "-TAKE_PROFIT.1-1";
        awaitState(buy.id(), PositionState.CLOSING);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (desk.find(exit).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(OrderState.SUBMITTED, desk.find(exit).orElseThrow().status(), "resting");

        resolutions.run();

        PositionSnapshot settled = positionStore.find(buy.id()).orElseThrow();
        assertEquals(PositionState.SETTLED, settled.state());
        assertEquals(0, new BigDecimal("19").compareTo(settled.realizedPnl()), settled.toString());
        assertEquals(OrderState.CANCELLED, desk.find(exit).orElseThrow().status());
        assertEquals(ExitState.STOOD_DOWN, positionStore.exits(buy.id()).get(0).state());
        assertEquals(
                settled, positionStore.find(buy.id()).orElseThrow(), "the cancel changed nothing");

        prices.release(CLOSING);
        catalog.unwatch(CLOSING);
    }

    private void awaitState(long id, PositionState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        PositionSnapshot position = positionStore.find(id).orElseThrow();
        while (position.state() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(100);
            position = positionStore.find(id).orElseThrow();
        }
        assertEquals(wanted, position.state(), position.toString());
    }

    @Test
    void aSourceThisBuildLacksFailsItsQuestionNotTheDeployment() {
        ResolutionFailedException e =
                assertThrows(
                        ResolutionFailedException.class, () -> sources.named("no-such-source"));

        assertTrue(e.getMessage().contains("tickerdesk.resolution.source"), e.getMessage());
    }

    private PositionSnapshot open(String side, String quantity) {
        return open(QUOTED, side, quantity, STOP);
    }

    private PositionSnapshot open(String symbol, String side, String quantity, String rules) {
        PositionSnapshot opened =
                positions.open(
                        new Positions.Request(
                                symbol,
                                side,
                                quantity,
                                Json.createReader(new StringReader(rules)).read()));
        assertEquals(PositionState.OPEN, opened.state(), opened.toString());
        return opened;
    }

    /** An instrument that never joined the watchlist, so no market ever quoted it. */
    private void insertUnwatched(String symbol, LocalDate expiry) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO instruments (symbol, kind, exchange, currency,"
                                        + " tick_size, expiry, on_watchlist, created_at) VALUES"
                                        + " (?, 'FUTURE', 'CME', 'USD', 0.25, ?, FALSE, ?)")) {
            insert.setString(1, symbol);
            insert.setObject(2, expiry);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            assertEquals(1, insert.executeUpdate());
        }
    }

    /** The simulated market serves a new watchlist entry a moment after it joined. */
    private void hold(double last, double bid, double ask) throws InterruptedException {
        hold(QUOTED, last, bid, ask);
    }

    private void hold(String symbol, double last, double bid, double ask)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                prices.inject(List.of(new SimulatedTick(symbol, last, bid, ask, 100, true)));
                Thread.sleep(300);
                return;
            } catch (RuntimeException notYetServed) {
                if (System.nanoTime() > deadline) {
                    throw notYetServed;
                }
                Thread.sleep(200);
            }
        }
    }
}
