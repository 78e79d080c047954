package org.tickerdesk.ibkr.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.faketws.FakeTws;
import org.tickerdesk.ibkr.wire.messages.IbContract;
import org.tickerdesk.ibkr.wire.messages.history.HistoricalBar;
import org.tickerdesk.testing.SettableClock;

/** History fetches against the fake TWS (writes split into small pieces), paced on a fake clock. */
class IbkrHistoryTest {

    private static final Instant T0 = Instant.parse("2025-11-21T15:00:00Z");
    private final SettableClock clock = new SettableClock(T0);
    private final PacingGate gate =
            new PacingGate(clock, clock::advance, Duration.ofSeconds(15), Duration.ofMinutes(10));
    @RegisterExtension final FakeTws tws = new FakeTws();
    private IbkrHistory history;

    private void start(int serverVersion) throws Exception {
        history = new IbkrHistory(tws.start(serverVersion), gate);
        tws.connect();
    }

    private static HistoricalDataRequest window(String symbol) {
        return new HistoricalDataRequest(
                IbContract.stock(symbol, "SMART", "USD"),
                "20251120 09:33:00 US/Eastern",
                Lookback.parse("180 S"),
                BarSize.MIN_1,
                WhatToShow.TRADES,
                true,
                2);
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 195, 196, 200})
    void aWindowArrivesWholeWithEitherEndMarker(int serverVersion) throws Exception {
        start(serverVersion);
        List<HistoricalBar> bars = history.fetch(window("AAPL"), Duration.ofSeconds(5));
        assertEquals(3, bars.size());
        assertEquals("1763649000", bars.get(0).time());
        assertEquals(new BigDecimal("189.60"), bars.get(0).high());
        assertNull(bars.get(2).volume());
        assertEquals("AAPL", tws.server().nextRequest(20).get(3));
        assertEquals(0, gate.budget().open());
        assertEquals(1, gate.budget().usedInWindow());
    }

    @Test
    void aPacingViolationPausesAndTheSameRequestIsMadeAgain() throws Exception {
        start(178);
        tws.server().violatePacingOnNextHistoryRequest();
        List<HistoricalBar> bars = history.fetch(window("AAPL"), Duration.ofSeconds(60));
        assertEquals(3, bars.size());
        String first = tws.server().nextRequest(20).get(1);
        assertNotEquals(first, tws.server().nextRequest(20).get(1));
        assertEquals(Duration.ofSeconds(15), Duration.between(T0, clock.instant()));
        assertEquals(2, gate.budget().usedInWindow());
        assertEquals(0, gate.budget().open());
    }

    @Test
    void noSuchContractIsAClearFailure() throws Exception {
        start(200);
        HistoricalDataException failure =
                assertThrows(
                        HistoricalDataException.class,
                        () -> history.fetch(window("NOSUCH"), Duration.ofSeconds(5)));
        assertTrue(
                failure.getMessage().startsWith("No such instrument at IBKR: NOSUCH"),
                failure.getMessage());
        assertEquals(200, failure.error().code());
        assertEquals(0, gate.budget().open());
    }

    @ParameterizedTest
    @ValueSource(ints = {195, 200})
    void barsThatCannotBeReadFailTheRequestInsteadOfShorteningIt(int serverVersion)
            throws Exception {
        start(serverVersion);
        HistoricalDataException failure =
                assertThrows(
                        HistoricalDataException.class,
                        () -> history.fetch(window("GARBLED"), Duration.ofSeconds(5)));
        assertTrue(
                failure.getMessage().startsWith("IB sent history for GARBLED that cannot be read"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("below low"), failure.getMessage());
        assertNull(failure.error());
        assertEquals(0, gate.budget().open());
        assertEquals(
                3,
                history.fetch(window("AAPL"), Duration.ofSeconds(5)).size(),
                "the session reads on");
    }

    @Test
    void bothDateFormatsGiveTheSameInstants() throws Exception {
        start(200);
        List<HistoricalBar> text =
                history.fetch(
                        new HistoricalDataRequest(
                                IbContract.stock("AAPL", "SMART", "USD"),
                                "20251120-14:33:00",
                                Lookback.parse("180 S"),
                                BarSize.MIN_1,
                                WhatToShow.TRADES,
                                true,
                                1),
                        Duration.ofSeconds(5));
        List<HistoricalBar> epoch = history.fetch(window("AAPL"), Duration.ofSeconds(5));
        assertEquals("20251120 09:30:00 US/Eastern", text.get(0).time());
        for (int i = 0; i < 3; i++) {
            assertEquals(BarTimes.start(epoch.get(i).time()), BarTimes.start(text.get(i).time()));
        }
        assertEquals(Instant.parse("2025-11-20T14:30:00Z"), BarTimes.start(text.get(0).time()));
    }

    @Test
    void dailyBarsAreDatesWhicheverFormatIsAsked() throws Exception {
        start(200);
        for (int formatDate = 1; formatDate <= 2; formatDate++) {
            List<HistoricalBar> days =
                    history.fetch(
                            new HistoricalDataRequest(
                                    IbContract.stock("AAPL", "SMART", "USD"),
                                    "",
                                    Lookback.parse(formatDate + " W"),
                                    BarSize.DAY_1,
                                    WhatToShow.TRADES,
                                    true,
                                    formatDate),
                            Duration.ofSeconds(5));
            assertEquals("20251118", days.get(0).time());
            assertEquals(Instant.parse("2025-11-18T00:00:00Z"), BarTimes.start(days.get(0).time()));
        }
    }

    @Test
    void noDataIsAnEmptyWindow() throws Exception {
        start(200);
        assertEquals(List.of(), history.fetch(window("EMPTY"), Duration.ofSeconds(5)));
    }

    @Test
    void aRequestCutOffByADropIsMadeAgainAfterTheReconnect() throws Exception {
        start(200);
        tws.server().ignoreNextHistoryRequest();
        CompletableFuture<List<HistoricalBar>> fetched = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                fetched.complete(
                                        history.fetch(window("AAPL"), Duration.ofSeconds(60)));
                            } catch (Exception e) {
                                fetched.completeExceptionally(e);
                            }
                        });
        reader.start();
        String first = tws.server().nextRequest(20).get(1);
        tws.server().dropConnection();
        assertEquals(3, fetched.get(5, TimeUnit.SECONDS).size());
        assertNotEquals(first, tws.server().nextRequest(20).get(1));
        assertEquals(0, gate.budget().open());
    }

    @Test
    void noAnswerInTimeCancelsTheRequest() throws Exception {
        start(200);
        tws.server().ignoreNextHistoryRequest();
        assertThrows(
                TimeoutException.class,
                () -> history.fetch(window("AAPL"), Duration.ofMillis(300)));
        String reqId = tws.server().nextRequest(20).get(1);
        assertEquals(List.of("25", "1", reqId), tws.server().nextRequest(25));
        assertEquals(0, gate.budget().open());
    }
}
