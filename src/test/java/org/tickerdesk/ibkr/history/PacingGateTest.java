package org.tickerdesk.ibkr.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.testing.SettableClock;

/** Each of IB's pacing rules, on a fake clock: nothing here sleeps. */
class PacingGateTest {

    private static final Instant T0 = Instant.parse("2025-11-21T15:00:00Z");
    private final SettableClock clock = new SettableClock(T0);
    private final List<Duration> slept = new ArrayList<>();
    private final PacingGate gate =
            new PacingGate(
                    clock,
                    wait -> {
                        slept.add(wait);
                        clock.advance(wait);
                    },
                    Duration.ofSeconds(15),
                    Duration.ofMinutes(10));

    private static HistoricalDataRequest request(
            String symbol, String exchange, int days, WhatToShow series) {
        return new HistoricalDataRequest(
                IbContract.stock(symbol, exchange, "USD"),
                "20251120 16:00:00 US/Eastern",
                new Lookback(days, Lookback.Unit.D),
                BarSize.SEC_30,
                series,
                true,
                1);
    }

    private static HistoricalDataRequest request(String symbol) {
        return request(symbol, "SMART", 1, WhatToShow.TRADES);
    }

    private void admit(HistoricalDataRequest request) {
        assertTrue(gate.tryAcquire(request).isPresent(), "should be admitted: " + request);
    }

    @Test
    void sixtyRequestsInAnyTenMinutes() {
        for (int i = 0; i < 60; i++) {
            gate.release(gate.tryAcquire(request("S" + i)).orElseThrow());
            clock.advance(Duration.ofSeconds(1));
        }
        assertTrue(gate.tryAcquire(request("LATE")).isEmpty());
        assertEquals(Duration.ofSeconds(540), gate.waitNeeded(request("LATE")));
        PacingBudget budget = gate.budget();
        assertEquals(60, budget.usedInWindow());
        assertEquals(0, budget.remainingInWindow());
        assertEquals(T0.plus(PacingGate.WINDOW), budget.nextFreeSlot());
        clock.advance(Duration.ofSeconds(540));
        admit(request("LATE"));
        assertTrue(
                gate.tryAcquire(request("LATER")).isEmpty(),
                "the second request of the window is still in it");
    }

    @Test
    void bidAskCountsDouble() {
        for (int i = 0; i < 30; i++) {
            admit(request("S" + i, "SMART", 1, WhatToShow.BID_ASK));
        }
        assertEquals(60, gate.budget().usedInWindow());
        assertEquals(PacingGate.WINDOW, gate.waitNeeded(request("OTHER")));
    }

    @Test
    void noIdenticalRequestWithinFifteenSeconds() {
        admit(request("AAPL"));
        clock.advance(Duration.ofSeconds(14));
        assertEquals(Duration.ofSeconds(1), gate.waitNeeded(request("AAPL")));
        admit(request("AAPL", "SMART", 2, WhatToShow.TRADES));
        clock.advance(Duration.ofSeconds(1));
        admit(request("AAPL"));
    }

    @Test
    void atMostSixForTheSameContractExchangeAndSeriesWithinTwoSeconds() {
        for (int days = 1; days <= 6; days++) {
            admit(request("AAPL", "SMART", days, WhatToShow.TRADES));
            clock.advance(Duration.ofMillis(100));
        }
        assertEquals(
                Duration.ofMillis(1400),
                gate.waitNeeded(request("AAPL", "SMART", 7, WhatToShow.TRADES)));
        admit(request("AAPL", "SMART", 7, WhatToShow.MIDPOINT));
        admit(request("AAPL", "ISLAND", 7, WhatToShow.TRADES));
        clock.advance(Duration.ofMillis(1400));
        admit(request("AAPL", "SMART", 7, WhatToShow.TRADES));
    }

    @Test
    void bidAskCountsDoubleForTheSameSeriesToo() {
        admit(request("AAPL", "SMART", 1, WhatToShow.BID_ASK));
        admit(request("AAPL", "SMART", 2, WhatToShow.BID_ASK));
        admit(request("AAPL", "SMART", 3, WhatToShow.BID_ASK));
        assertEquals(
                Duration.ofSeconds(2),
                gate.waitNeeded(request("AAPL", "SMART", 4, WhatToShow.BID_ASK)));
        assertEquals(
                Duration.ZERO, gate.waitNeeded(request("AAPL", "SMART", 4, WhatToShow.TRADES)));
    }

    @Test
    void atMostFiftyOpenAndAReleaseFreesOne() {
        List<PacingGate.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            permits.add(gate.tryAcquire(request("S" + i)).orElseThrow());
        }
        assertTrue(gate.tryAcquire(request("S50")).isEmpty());
        assertEquals(
                Duration.ZERO,
                gate.waitNeeded(request("S50")),
                "only the open limit holds it back");
        assertEquals(0, gate.budget().remainingOpen());
        gate.release(permits.get(7));
        gate.release(permits.get(7));
        assertEquals(1, gate.budget().remainingOpen());
        admit(request("S50"));
    }

    @Test
    void aViolationPausesTheGateLongerEachTimeInARow() {
        PacingGate.Permit first = gate.tryAcquire(request("AAPL")).orElseThrow();
        gate.violated(first);
        assertEquals(Duration.ofSeconds(15), gate.waitNeeded(request("MSFT")));
        assertEquals(T0.plusSeconds(15), gate.budget().pausedUntil());
        clock.advance(Duration.ofSeconds(15));
        gate.violated(gate.tryAcquire(request("MSFT")).orElseThrow());
        assertEquals(Duration.ofSeconds(30), gate.waitNeeded(request("IBM")));
        clock.advance(Duration.ofSeconds(30));
        gate.release(gate.tryAcquire(request("IBM")).orElseThrow());
        gate.violated(gate.tryAcquire(request("ORCL")).orElseThrow());
        assertEquals(
                Duration.ofSeconds(15),
                gate.waitNeeded(request("NVDA")),
                "a good answer resets the doubling");
    }

    @Test
    void acquireWaitsOnTheSleeperOrFailsAtOnceWhenTheWaitIsTooLong() throws Exception {
        gate.acquire(request("AAPL"), Duration.ofSeconds(1));
        assertThrows(
                TimeoutException.class, () -> gate.acquire(request("AAPL"), Duration.ofSeconds(5)));
        assertEquals(List.of(), slept);
        PacingGate.Permit again = gate.acquire(request("AAPL"), Duration.ofSeconds(30));
        assertEquals(List.of(Duration.ofSeconds(15)), slept);
        assertEquals(T0.plusSeconds(15), again.admitted());
        assertNull(gate.budget().pausedUntil());
        assertEquals(2, gate.budget().open());
    }
}
