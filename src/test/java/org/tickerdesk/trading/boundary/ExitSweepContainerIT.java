package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.marketdata.control.SimulatedPrices;
import org.tickerdesk.marketdata.entity.SimulatedTick;
import org.tickerdesk.testing.container.TickerdeskWar;
import org.tickerdesk.trading.control.PositionStore;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.ExitRecord;
import org.tickerdesk.trading.entity.ExitState;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;

/**
 * The clock's rules need no tick: a position with a time limit of two seconds is closed by the
 * sweep (every 10 s) while its instrument's price stands still. The paper broker fills the entry at
 * ask 60.01 plus a tick, 60.02, and the exit at bid 59.99 less a tick, 59.98: three shares lose 3 x
 * 0.04 = 0.12.
 */
@ExtendWith(ArquillianExtension.class)
class ExitSweepContainerIT {

    private static final String SYMBOL = "KO";

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject Positions positions;

    @Inject PositionStore store;

    @Inject SimulatedPrices prices;

    @AfterEach
    void letThePriceWalk() {
        prices.release(SYMBOL);
    }

    @Test
    void aPositionPastItsTimeLimitIsClosedByTheSweepWithoutATick() throws InterruptedException {
        hold(60.00, 59.99, 60.01);
        PositionSnapshot opened =
                positions.open(
                        new Positions.Request(
                                SYMBOL,
                                "BUY",
                                "3",
                                Json.createReader(new StringReader("{\"timeLimit\":\"PT2S\"}"))
                                        .read()));
        assertEquals(PositionState.OPEN, opened.state(), opened.toString());

        PositionSnapshot closed = awaitClosed(opened.id(), Duration.ofSeconds(25));

        List<ExitRecord> exits = store.exits(opened.id());
        assertEquals(1, exits.size(), exits.toString());
        ExitRecord exit = exits.get(0);
        assertEquals("TIME_LIMIT", exit.rule());
        assertEquals(ExitState.FILLED, exit.state());
        assertEquals(1, exit.attempt());
        assertEquals("x-" + opened.id() + "-TIME_LIMIT-1", exit.clientOrderId());
        assertEquals(0, new BigDecimal("3").compareTo(exit.filledQuantity()));
        assertEquals(0, BigDecimal.ZERO.compareTo(closed.quantity()));
        assertEquals(0, new BigDecimal("-0.12").compareTo(closed.realizedPnl()), closed.toString());
        assertTrue(
                !closed.closedAt().isBefore(closed.openedAt().plusSeconds(2)),
                "closed at " + closed.closedAt() + ", opened at " + closed.openedAt());
    }

    private PositionSnapshot awaitClosed(long id, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        PositionSnapshot position = store.find(id).orElseThrow();
        while (System.nanoTime() < deadline) {
            position = store.find(id).orElseThrow();
            if (position.state() == PositionState.CLOSED) {
                return position;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Not closed within " + patience + ": " + position);
    }

    /** The simulated market serves the watchlist a moment after the deployment. */
    private void hold(double last, double bid, double ask) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                prices.inject(List.of(new SimulatedTick(SYMBOL, last, bid, ask, 100, true)));
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
