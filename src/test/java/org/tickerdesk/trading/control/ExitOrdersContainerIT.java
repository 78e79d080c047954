package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.control.SimulatedPrices;
import org.tickerdesk.marketdata.entity.SimulatedTick;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.trading.entity.ExitRecord;
import org.tickerdesk.trading.entity.ExitState;
import org.tickerdesk.trading.entity.Order;
import org.tickerdesk.trading.entity.OrderEvent;
import org.tickerdesk.trading.entity.OrderState;
import org.tickerdesk.trading.entity.OrderTicket;
import org.tickerdesk.trading.entity.OrderType;
import org.tickerdesk.trading.entity.Position;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;
import org.tickerdesk.trading.entity.TimeInForce;

/**
 * What a stop left half done is finished at start-up by {@link ExitOrders#resume}, by the exit's
 * client order id: an exit committed but never sent is sent, one whose order filled while nobody
 * applied it is applied, a failed one goes again as attempt 2. Each position here is left as a stop
 * would leave it, written with the store directly, and then {@code resume} runs as at start-up.
 *
 * <p>The paper broker sells at bid 49.99 less a tick, 49.98; positions are entered at 50.50, so a
 * share sold at 49.98 realises -0.52.
 */
@ExtendWith(ArquillianExtension.class)
class ExitOrdersContainerIT {

    private static final String SYMBOL = "PEP";
    private static final BigDecimal ENTRY = new BigDecimal("50.50");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject PositionStore store;

    @Inject ExitOrders exits;

    @Inject OrderDesk desk;

    @Inject OrderStore orders;

    @Inject SimulatedPrices prices;

    @AfterEach
    void letThePriceWalk() {
        prices.release(SYMBOL);
    }

    @Test
    void anExitCommittedButNeverSentIsSentOnce() throws InterruptedException {
        hold();
        PositionSnapshot position = open("4");
        String id = commitStop(position);
        assertEquals(ExitState.PENDING, store.exitState(id).orElseThrow());
        assertTrue(desk.find(id).isEmpty());

        exits.resume();

        PositionSnapshot closed = awaitClosed(position.id());
        ExitRecord exit = onlyExit(position.id());
        assertEquals(ExitState.FILLED, exit.state());
        assertEquals(1, exit.attempt());
        assertEquals(id, exit.clientOrderId());
        assertEquals(
                0, new BigDecimal("4").compareTo(desk.find(id).orElseThrow().filledQuantity()));
        // 4 x (49.98 - 50.50)
        assertEquals(0, new BigDecimal("-2.08").compareTo(closed.realizedPnl()), closed.toString());
        exits.resume();
        awaitExitLane();
        assertEquals(1, store.exits(position.id()).size());
        assertTrue(desk.find(id.substring(0, id.length() - 1) + "2").isEmpty());
    }

    @Test
    void anExitSentWhoseOrderFilledUnappliedIsBroughtUpToDate() throws InterruptedException {
        PositionSnapshot position = open("2");
        String id = commitStop(position);
        Instant at = Instant.now();
        orders.insert(
                new Order(
                        new OrderTicket(
                                id,
                                Contract.stock(SYMBOL, "SIM"),
                                Side.SELL,
                                new BigDecimal("2"),
                                OrderType.MKT,
                                null,
                                null,
                                TimeInForce.DAY),
                        "paper",
                        at));
        orders.apply(new OrderEvent.Sent(id, "P-cit-1"), at);
        orders.apply(
                new OrderEvent.Filled(
                        id,
                        "cit-exec-" + position.id(),
                        new BigDecimal("2"),
                        new BigDecimal("49.40"),
                        at),
                at);
        store.sent(id, at, null);
        assertEquals(PositionState.CLOSING, store.find(position.id()).orElseThrow().state());
        assertEquals(ExitState.SENT, store.exitState(id).orElseThrow());

        exits.resume();

        PositionSnapshot closed = awaitClosed(position.id());
        ExitRecord exit = onlyExit(position.id());
        assertEquals(ExitState.FILLED, exit.state());
        assertEquals(0, new BigDecimal("49.40").compareTo(exit.fillPrice()));
        // 2 x (49.40 - 50.50)
        assertEquals(0, new BigDecimal("-2.20").compareTo(closed.realizedPnl()), closed.toString());
        assertEquals(OrderState.FILLED, desk.find(id).orElseThrow().status());
        assertEquals(
                1,
                store.fills(position.id()).stream().filter(f -> f.quantity().signum() < 0).count());
    }

    @Test
    void aFailedExitIsSentAgainAsAttemptTwo() throws InterruptedException {
        hold();
        PositionSnapshot position = open("1");
        String id = commitStop(position);
        store.failed(id, "refused by the broker in this test");

        exits.resume();

        PositionSnapshot closed = awaitClosed(position.id());
        ExitRecord exit = onlyExit(position.id());
        String second = "x-" + position.id() + "-STOP_LOSS-2";
        assertEquals(2, exit.attempt());
        assertEquals(second, exit.clientOrderId());
        assertEquals(ExitState.FILLED, exit.state());
        assertTrue(desk.find(id).isEmpty(), "the first attempt never reached the desk");
        assertEquals(OrderState.FILLED, desk.find(second).orElseThrow().status());
        assertEquals(0, new BigDecimal("-0.52").compareTo(closed.realizedPnl()), closed.toString());
    }

    /** An open long, as a fill would have left it, that nothing guards. */
    private PositionSnapshot open(String quantity) {
        Instant at = Instant.now();
        return store.adopt(
                new Position(
                        SYMBOL,
                        "paper",
                        "paper",
                        PositionOrigin.ADOPTED,
                        Side.BUY,
                        new BigDecimal(quantity),
                        ExitRulesJson.write(ExitRulesJson.read("{\"stopLoss\":{\"percent\":1}}"))
                                .toString(),
                        null,
                        at),
                ENTRY,
                at);
    }

    /** The stop committed (the position CLOSING, the exit PENDING) and nothing more. */
    private String commitStop(PositionSnapshot position) {
        Instant at = Instant.now();
        List<CommittedExit> committed =
                store.commit(
                        List.of(
                                new ExitPlan(
                                        position.id(),
                                        "STOP_LOSS",
                                        true,
                                        position.quantity(),
                                        OrderType.MKT,
                                        null,
                                        new BigDecimal("49.995"),
                                        new BigDecimal("49.99"),
                                        at,
                                        0)),
                        at);
        assertEquals(1, committed.size());
        String id = committed.get(0).clientOrderId();
        assertEquals("x-" + position.id() + "-STOP_LOSS-1", id);
        assertEquals(PositionState.CLOSING, store.find(position.id()).orElseThrow().state());
        return id;
    }

    private ExitRecord onlyExit(long positionId) {
        List<ExitRecord> found = store.exits(positionId);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private PositionSnapshot awaitClosed(long id) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        PositionSnapshot position = store.find(id).orElseThrow();
        while (System.nanoTime() < deadline) {
            position = store.find(id).orElseThrow();
            if (position.state() == PositionState.CLOSED) {
                return position;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "Not closed within " + PATIENCE + ": " + position + " " + store.exits(id));
    }

    /**
     * What resume queued on the exits' lane has run: a close of no position is queued behind it and
     * waited for.
     */
    private void awaitExitLane() {
        Instant at = Instant.now();
        assertFalse(
                exits.closeNow(
                        new ExitPlan(
                                -1,
                                "CLOSE",
                                true,
                                BigDecimal.ONE,
                                OrderType.MKT,
                                null,
                                null,
                                null,
                                at,
                                0)));
    }

    /** PEP held at 50.00 (bid 49.99, ask 50.01); served a moment after the deployment. */
    private void hold() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                prices.inject(List.of(new SimulatedTick(SYMBOL, 50.00, 49.99, 50.01, 100, true)));
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
