package org.tickerdesk.ibkr.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SkippedBar;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.ibkr.faketws.FakeTws;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.testing.SettableClock;

/** History's SPI over the IBKR client, against the fake TWS, paced on a fake clock. */
class IbkrHistorySourceTest {

    private static final Instant T0 = Instant.parse("2025-11-21T15:00:00Z");
    private static final Instant END = Instant.parse("2025-11-20T21:00:00Z");
    private final SettableClock clock = new SettableClock(T0);
    private final PacingGate gate =
            new PacingGate(clock, clock::advance, Duration.ofSeconds(15), Duration.ofMinutes(10));
    @RegisterExtension final FakeTws tws = new FakeTws();
    private IbkrHistorySource source;

    private void start() throws Exception {
        source = new IbkrHistorySource(new IbkrHistory(tws.start(200), gate));
        tws.connect();
    }

    private static HistoryWindow window(
            String symbol, BarSize size, Instant from, Instant to, WhatToShow series) {
        return new HistoryWindow(
                Contract.stock(symbol, "SMART"), size, from, to, series, true, null);
    }

    /** The day of 1-minute trades up to END, which holds the fake's three bars. */
    private static HistoryWindow window(String symbol) {
        return window(symbol, BarSize.MIN_1, END.minus(Duration.ofDays(1)), END, WhatToShow.TRADES);
    }

    private HistoryFailureException failure(HistoryWindow window, Duration timeout) {
        return assertThrows(HistoryFailureException.class, () -> source.bars(window, timeout));
    }

    private HistoryFailureException failure(HistoryWindow window) {
        return failure(window, Duration.ofSeconds(5));
    }

    @Test
    void aWindowComesBackAsCheckedBarsAtTheirInstants() throws Exception {
        start();
        SourceBars answer = source.bars(window("AAPL"), Duration.ofSeconds(5));
        List<Bar> bars = answer.bars();
        assertEquals(
                List.of(
                        Instant.parse("2025-11-20T14:30:00Z"),
                        Instant.parse("2025-11-20T14:31:00Z"),
                        Instant.parse("2025-11-20T14:32:00Z")),
                bars.stream().map(Bar::start).toList());
        assertEquals(
                new Bar(
                        Instant.parse("2025-11-20T14:30:00Z"),
                        new BigDecimal("189.10"),
                        new BigDecimal("189.60"),
                        new BigDecimal("189.00"),
                        new BigDecimal("189.50"),
                        new BigDecimal("12000"),
                        new BigDecimal("189.31"),
                        95),
                bars.get(0));
        assertNull(bars.get(2).volume());
        assertNull(bars.get(2).wap());
        assertNull(bars.get(2).count(), "IB's -1 is no count, not a negative one");
        assertEquals(List.of(), answer.skipped());
        assertEquals(HistorySourceName.IBKR, source.name());
    }

    @Test
    void barsIbSendsOutsideTheWindowAreLeftOut() throws Exception {
        start();
        Instant from = Instant.parse("2025-11-20T14:31:00Z");
        SourceBars answer =
                source.bars(
                        window(
                                "AAPL",
                                BarSize.MIN_1,
                                from,
                                from.plusSeconds(60),
                                WhatToShow.TRADES),
                        Duration.ofSeconds(5));
        assertEquals(List.of(from), answer.bars().stream().map(Bar::start).toList());
        assertEquals(List.of(), answer.skipped(), "a bar outside is no fault of IB's");
    }

    @Test
    void theRequestEndsInUtcAndAsksForEpochSeconds() throws Exception {
        start();
        source.bars(
                window("AAPL", BarSize.SEC_5, END.minusSeconds(3600), END, WhatToShow.BID_ASK),
                Duration.ofSeconds(5));
        List<String> sent = tws.server().nextRequest(20);
        assertEquals(List.of("AAPL", "STK"), sent.subList(3, 5));
        assertEquals(
                List.of("20251120-21:00:00", "5 secs", "3600 S", "1", "BID_ASK", "2"),
                sent.subList(15, 21));
        assertEquals(2, gate.budget().usedInWindow(), "BID_ASK counts double");
    }

    @Test
    void dailyBarsStartAtMidnightUtcOfTheirTradingDay() throws Exception {
        start();
        List<Bar> days =
                source.bars(
                                window(
                                        "AAPL",
                                        BarSize.DAY_1,
                                        END.minus(Duration.ofDays(7)),
                                        END,
                                        WhatToShow.TRADES),
                                Duration.ofSeconds(5))
                        .bars();
        assertEquals(Instant.parse("2025-11-18T00:00:00Z"), days.get(0).start());
        assertEquals(Instant.parse("2025-11-20T00:00:00Z"), days.get(2).start());
        assertEquals("7 D", tws.server().nextRequest(20).get(17));
    }

    @Test
    void aPacingViolationIsWaitedOutAndTheWindowStillArrives() throws Exception {
        start();
        tws.server().violatePacingOnNextHistoryRequest();
        assertEquals(3, source.bars(window("AAPL"), Duration.ofSeconds(60)).bars().size());
        assertEquals(Duration.ofSeconds(15), Duration.between(T0, clock.instant()));
        assertEquals(2, gate.budget().usedInWindow());
        assertEquals(0, gate.budget().open());
    }

    @Test
    void aPacingPauseLongerThanTheTimeoutIsTransient() throws Exception {
        start();
        tws.server().violatePacingOnNextHistoryRequest();
        HistoryFailureException failure = failure(window("AAPL"), Duration.ofSeconds(5));
        assertEquals(Kind.TIMED_OUT, failure.kind());
        assertTrue(failure.kind().isTransient());
        assertTrue(failure.getMessage().contains("IB's pacing admits"), failure.getMessage());
        assertEquals(0, gate.budget().open());
    }

    @Test
    void aContractIbDoesNotKnowIsSaidSo() throws Exception {
        start();
        HistoryFailureException failure = failure(window("NOSUCH"));
        assertEquals(Kind.NO_SUCH_CONTRACT, failure.kind());
        assertEquals(
                "IBKR knows no contract for NOSUCH as Tickerdesk describes it (stock on SMART in"
                        + " USD): No security definition has been found for the request",
                failure.getMessage());
    }

    @Test
    void aRefusalIsRefusedWithIbsReason() throws Exception {
        start();
        HistoryFailureException failure = failure(window("NOPERM"));
        assertEquals(Kind.REFUSED, failure.kind());
        assertTrue(
                failure.getMessage().startsWith("IB refused the history request for NOPERM: [162]"),
                failure.getMessage());
        assertTrue(
                failure.getMessage().contains("No market data permissions for NYSE STK"),
                failure.getMessage());
    }

    @Test
    void aRequestAnsweredWithNotConnectedIsUnavailableForNow() throws Exception {
        start();
        HistoryFailureException failure = failure(window("OFFLINE"));
        assertEquals(Kind.UNAVAILABLE, failure.kind());
        assertTrue(failure.getMessage().contains("Not connected"), failure.getMessage());
    }

    @Test
    void aConnectionLostAndNotBackInTimeIsTransient() throws Exception {
        start();
        tws.server().ignoreNextHistoryRequest();
        CompletableFuture<HistoryFailureException> outcome =
                CompletableFuture.supplyAsync(() -> failure(window("AAPL"), Duration.ofSeconds(1)));
        tws.server().nextRequest(20);
        tws.server().close();
        HistoryFailureException failure = outcome.get(10, TimeUnit.SECONDS);
        assertEquals(Kind.TIMED_OUT, failure.kind());
        assertTrue(failure.getMessage().contains("was not connected"), failure.getMessage());
    }

    @Test
    void anImpossibleBarIsSkippedWithItsReasonAndTheOthersKept() throws Exception {
        start();
        SourceBars answer = source.bars(window("CORRUPT"), Duration.ofSeconds(5));
        assertEquals(
                List.of(
                        Instant.parse("2025-11-20T14:30:00Z"),
                        Instant.parse("2025-11-20T14:32:00Z")),
                answer.bars().stream().map(Bar::start).toList());
        assertEquals(
                List.of(
                        new SkippedBar(
                                "bar at 2025-11-20T14:31:00Z", "open 189.90 is above high 189.80")),
                answer.skipped());
    }

    @Test
    void barsThatCannotBeReadFailTheWholeWindow() throws Exception {
        start();
        HistoryFailureException failure = failure(window("GARBLED"));
        assertEquals(Kind.CORRUPT_DATA, failure.kind());
        assertTrue(
                failure.getMessage().contains("high 189.80 below low 189.90"),
                failure.getMessage());
    }

    @Test
    void noDataIsAnEmptyWindowAndSilenceATimeout() throws Exception {
        start();
        assertEquals(SourceBars.none(), source.bars(window("EMPTY"), Duration.ofSeconds(5)));
        tws.server().ignoreNextHistoryRequest();
        HistoryFailureException failure = failure(window("AAPL"), Duration.ofMillis(300));
        assertEquals(Kind.TIMED_OUT, failure.kind());
        assertTrue(
                failure.getMessage()
                        .startsWith(
                                "No history for AAPL 1m TRADES from 2025-11-19T21:00:00Z to"
                                        + " 2025-11-20T21:00:00Z"),
                failure.getMessage());
    }

    @Test
    void itServesEveryBarSizeWithinIbsLimitsAndEverySeries() {
        IbkrHistorySource source = new IbkrHistorySource(null);
        for (BarSize size : BarSize.values()) {
            assertEquals(IbBarSizes.longestWindow(size), source.longestWindow(size).orElseThrow());
        }
        for (WhatToShow series : WhatToShow.values()) {
            assertTrue(source.serves(series), series.name());
        }
        assertEquals(IbkrHistorySource.PARALLELISM, source.parallelism());
    }

    /** The fields of reqHistoricalData for the window, as they go to TWS (message id first). */
    private static List<String> sent(HistoryWindow window) {
        return HistoryRequests.reqHistoricalData(200, 1, IbkrHistorySource.request(window))
                .fields();
    }

    private static final int END_DATE_TIME = 15;
    private static final int BAR_SIZE = 16;
    private static final int DURATION = 17;
    private static final int USE_RTH = 18;
    private static final int WHAT_TO_SHOW = 19;

    @Test
    void everyBarSizeSeriesAndLookbackUnitGoesOutAsIbSpellsIt() {
        assertEquals(
                List.of(
                        "1 secs", "5 secs", "10 secs", "15 secs", "30 secs", "1 min", "2 mins",
                        "3 mins", "5 mins", "10 mins", "15 mins", "20 mins", "30 mins", "1 hour",
                        "2 hours", "3 hours", "4 hours", "8 hours", "1 day", "1 week", "1 month"),
                Arrays.stream(BarSize.values())
                        .map(
                                size ->
                                        sent(
                                                window(
                                                        "AAPL",
                                                        size,
                                                        END.minusSeconds(60),
                                                        END,
                                                        WhatToShow.TRADES)))
                        .map(fields -> fields.get(BAR_SIZE))
                        .toList());
        assertEquals(
                List.of("TRADES", "MIDPOINT", "BID", "ASK", "BID_ASK"),
                Arrays.stream(WhatToShow.values())
                        .map(
                                series ->
                                        sent(
                                                window(
                                                        "AAPL",
                                                        BarSize.MIN_1,
                                                        END.minusSeconds(60),
                                                        END,
                                                        series)))
                        .map(fields -> fields.get(WHAT_TO_SHOW))
                        .toList());
        assertEquals(
                List.of("60 S", "86400 S", "2 D", "364 D", "1 Y"),
                Stream.of(
                                Duration.ofSeconds(60),
                                Duration.ofDays(1),
                                Duration.ofDays(1).plusSeconds(1),
                                Duration.ofDays(364),
                                Duration.ofDays(365))
                        .map(
                                span ->
                                        window(
                                                "AAPL",
                                                BarSize.DAY_1,
                                                END.minus(span),
                                                END,
                                                WhatToShow.TRADES))
                        .map(window -> sent(window).get(DURATION))
                        .toList());
        assertEquals("20251120-21:00:00", sent(window("AAPL")).get(END_DATE_TIME));
        assertEquals("1", sent(window("AAPL")).get(USE_RTH));
        HistoryWindow outsideHours =
                new HistoryWindow(
                        Contract.stock("AAPL", "SMART"),
                        BarSize.MIN_1,
                        END.minus(Duration.ofDays(1)),
                        END,
                        WhatToShow.TRADES,
                        false,
                        null);
        assertEquals("0", sent(outsideHours).get(USE_RTH));
    }

    @Test
    void aContractThatCannotBeNamedToIbIsRefusedBeforeAnythingIsSent() {
        HistoryWindow option =
                new HistoryWindow(
                        new Contract(
                                "AAPLCALL",
                                InstrumentKind.OPTION,
                                "SMART",
                                "USD",
                                new BigDecimal("0.01"),
                                LocalDate.of(2026, 12, 18)),
                        BarSize.MIN_1,
                        END.minus(Duration.ofDays(1)),
                        END,
                        WhatToShow.TRADES,
                        true,
                        null);
        HistoryFailureException failure =
                assertThrows(
                        HistoryFailureException.class, () -> IbkrHistorySource.request(option));
        assertEquals(Kind.REFUSED, failure.kind());
        assertTrue(
                failure.getMessage().startsWith("AAPLCALL cannot be named to IBKR"),
                failure.getMessage());
    }
}
