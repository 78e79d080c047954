package org.tickerdesk.ibkr.resolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.ibkr.account.IbkrPortfolio;
import org.tickerdesk.ibkr.contracts.IbkrContracts;
import org.tickerdesk.ibkr.faketws.FakeTws;
import org.tickerdesk.ibkr.faketws.ServerMessages;
import org.tickerdesk.ibkr.faketws.ServerMessages.Listing;
import org.tickerdesk.ibkr.history.IbkrHistory;
import org.tickerdesk.ibkr.history.PacingGate;
import org.tickerdesk.ibkr.session.TwsSession;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.resolution.control.ResolutionFailedException;
import org.tickerdesk.resolution.entity.Outcome;
import org.tickerdesk.resolution.entity.Resolution;
import org.tickerdesk.resolution.entity.SourceAnswer;

/**
 * Resolving expired instruments against the fake TWS, scripted with what TWS answers for an AAPL
 * option expiring on Friday 2026-11-20 (AAPL is conId 265598) and the December 2026 E-mini S&P
 * future (last trading day 2026-12-18), on the Monday after.
 */
class IbkrResolutionSourceTest {

    private static final int VERSION = 200;
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final LocalDate EXPIRY = LocalDate.of(2026, 11, 20);
    private static final LocalDate LAST_TRADING_DAY = LocalDate.of(2026, 12, 18);
    private static final Instant MONDAY_AFTER = Instant.parse("2026-12-21T14:00:00Z");
    private static final String NO_DEFINITION =
            "No security definition has been found for the request";

    @RegisterExtension final FakeTws tws = new FakeTws();
    private final ServerMessages msg = new ServerMessages(VERSION);
    private IbkrResolutionSource source;

    private void start(Instant now) throws Exception {
        start(now, WAIT);
    }

    private void start(Instant now, Duration historyTimeout) throws Exception {
        TwsSession session = tws.start(VERSION);
        source = sourceOn(session, Duration.ofSeconds(3), historyTimeout, now);
        tws.connect();
    }

    private static IbkrResolutionSource sourceOn(
            TwsSession session, Duration connectWait, Duration historyTimeout, Instant now) {
        IbkrPortfolio portfolio = new IbkrPortfolio(session, Clock.fixed(now, ZoneOffset.UTC));
        portfolio.start();
        return new IbkrResolutionSource(
                session,
                new IbkrContracts(session, connectWait, WAIT),
                new IbkrHistory(session, PacingGate.standard()),
                portfolio,
                connectWait,
                historyTimeout,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Contract option(String symbol) {
        return new Contract(
                symbol, InstrumentKind.OPTION, "SMART", "USD", new BigDecimal("0.01"), EXPIRY);
    }

    private static Contract future() {
        return new Contract(
                "ESZ6",
                InstrumentKind.FUTURE,
                "CME",
                "USD",
                new BigDecimal("0.25"),
                LAST_TRADING_DAY);
    }

    /** IB still describes the option, with AAPL (265598, a stock) as its underlying. */
    private void optionKnown(String right, String strike) {
        tws.server()
                .scriptedContractDetails
                .put(
                        "AAPL OPT",
                        id ->
                                List.of(
                                        msg.contractData(
                                                id,
                                                new Listing(
                                                        "AAPL",
                                                        "OPT",
                                                        "20261120",
                                                        strike,
                                                        right,
                                                        "100",
                                                        "SMART",
                                                        "USD",
                                                        "AAPL  261120" + right + "00180000",
                                                        712345678,
                                                        "0.01",
                                                        265598,
                                                        "AAPL",
                                                        "STK"),
                                                "",
                                                "AAPL"),
                                        msg.contractDataEnd(id)));
    }

    /** IB dropped the expired option from its contract database. */
    private void optionForgotten() {
        tws.server()
                .scriptedContractDetails
                .put("AAPL OPT", id -> List.of(msg.error(id, 200, NO_DEFINITION)));
    }

    /** Daily bars, as [date, close], for the contract with this symbol or conId. */
    private void dailyBars(String key, String[]... dateAndClose) {
        tws.server()
                .scriptedHistory
                .put(
                        key,
                        id -> {
                            List<String[]> bars = new ArrayList<>();
                            for (String[] d : dateAndClose) {
                                bars.add(
                                        new String[] {
                                            d[0], d[1], d[1], d[1], d[1], "1000", d[1], "10"
                                        });
                            }
                            return msg.historicalData(
                                    id, "20261115", "20261121", bars.toArray(String[][]::new));
                        });
    }

    private Resolution resolved(Contract contract) {
        Optional<Resolution> resolution = source.resolve(contract);
        assertTrue(resolution.isPresent(), "resolved " + contract.symbol());
        return resolution.get();
    }

    private List<String> historyRequest() throws InterruptedException {
        return tws.server().nextRequest(20);
    }

    @Test
    void aCallInTheMoneySettlesAtTheUnderlyingsCloseLessTheStrike() throws Exception {
        start(MONDAY_AFTER);
        optionKnown("C", "180");
        dailyBars(
                "265598",
                new String[] {"20261118", "179.10"},
                new String[] {"20261119", "185.00"},
                new String[] {"20261120", "182.50"});

        Resolution r = resolved(option("AAPL261120C00180000"));

        assertEquals(new BigDecimal("2.50"), r.settlementPrice());
        assertNull(r.outcome());
        assertEquals("AAPL closed 182.50 on 2026-11-20; 180 call: 2.50", r.basis());
        List<String> details = tws.server().nextRequest(9);
        assertEquals(
                List.of("AAPL", "OPT", "20261120", "180", "C"),
                details.subList(4, 9),
                "the option as Tickerdesk names it");
        assertEquals("1", details.get(15), "includeExpired");
        List<String> bars = historyRequest();
        assertEquals("265598", bars.get(2), "the underlying by its conId");
        assertEquals("SMART", bars.get(9));
        assertEquals(
                List.of("20261121-00:00:00", "1 day", "5 D", "1", "TRADES"),
                bars.subList(15, 20),
                "the daily TRADES bars to the end of the expiry day, regular hours only");
    }

    @Test
    void aPutInTheMoneySettlesAtTheStrikeLessTheClose() throws Exception {
        start(MONDAY_AFTER);
        optionKnown("P", "190");
        dailyBars("265598", new String[] {"20261120", "182.50"});

        Resolution r = resolved(option("AAPL261120P00190000"));

        assertEquals(new BigDecimal("7.50"), r.settlementPrice());
        assertEquals("AAPL closed 182.50 on 2026-11-20; 190 put: 7.50", r.basis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "P"})
    void anOptionOutOfTheMoneySettlesAtZero(String right) throws Exception {
        start(MONDAY_AFTER);
        optionKnown(right, "180");
        String close = right.equals("C") ? "175.00" : "180.00";
        dailyBars("265598", new String[] {"20261120", close});

        Resolution r = resolved(option("AAPL261120" + right + "00180000"));

        assertEquals(0, r.settlementPrice().signum());
        assertEquals(
                "AAPL closed "
                        + close
                        + " on 2026-11-20; 180 "
                        + (right.equals("C") ? "call" : "put")
                        + " expired out of the money: 0",
                r.basis());
    }

    @Test
    void anOptionIbNoLongerKnowsIsSettledFromItsNameOnTheStockOfItsRoot() throws Exception {
        start(MONDAY_AFTER);
        optionForgotten();
        dailyBars("AAPL", new String[] {"20261120", "182.50"});

        Resolution r = resolved(option("AAPL261120P00185000"));

        assertEquals(new BigDecimal("2.50"), r.settlementPrice());
        assertEquals("AAPL closed 182.50 on 2026-11-20; 185 put: 2.50", r.basis());
        List<String> bars = historyRequest();
        assertEquals(List.of("0", "AAPL", "STK"), bars.subList(2, 5), "the root's stock by symbol");
        assertEquals("SMART", bars.get(9));
        assertEquals("USD", bars.get(11));
    }

    @Test
    void withoutTheExpiryDaysBarAnOptionStaysUndeterminedNotSettledOnTheDayBefore()
            throws Exception {
        start(MONDAY_AFTER);
        optionKnown("C", "180");
        dailyBars(
                "265598", new String[] {"20261118", "179.10"}, new String[] {"20261119", "185.00"});

        assertEquals(Optional.empty(), source.resolve(option("AAPL261120C00180000")));
    }

    @Test
    void noDataForTheUnderlyingLeavesTheOptionUndetermined() throws Exception {
        start(MONDAY_AFTER);
        optionKnown("C", "180");
        tws.server()
                .scriptedHistory
                .put(
                        "265598",
                        id ->
                                List.of(
                                        msg.error(
                                                id,
                                                162,
                                                "Historical Market Data Service error message:HMDS"
                                                        + " query returned no data")));

        assertEquals(Optional.empty(), source.resolve(option("AAPL261120C00180000")));
    }

    @Test
    void anOptionOnAnIndexStaysUndeterminedWithoutAskingForHistory() throws Exception {
        start(MONDAY_AFTER);
        tws.server()
                .scriptedContractDetails
                .put(
                        "SPX OPT",
                        id ->
                                List.of(
                                        msg.contractData(
                                                id,
                                                new Listing(
                                                        "SPX",
                                                        "OPT",
                                                        "20261120",
                                                        "6000",
                                                        "C",
                                                        "100",
                                                        "SMART",
                                                        "USD",
                                                        "SPX   261120C06000000",
                                                        700000001,
                                                        "0.05",
                                                        416904,
                                                        "SPX",
                                                        "IND"),
                                                "",
                                                "SPX"),
                                        msg.contractDataEnd(id)));

        assertEquals(Optional.empty(), source.resolve(option("SPX261120C06000000")));
        tws.server().nextRequest(9);
        assertTrue(
                tws.server().drainRequests().stream().noneMatch(r -> r.get(0).equals("20")),
                "no history asked for");
    }

    /** Neither contract details nor history were asked for (the session asks its own things). */
    private void assertNothingAsked() {
        assertTrue(
                tws.server().drainRequests().stream()
                        .noneMatch(r -> r.get(0).equals("9") || r.get(0).equals("20")),
                "nothing asked of TWS");
    }

    @Test
    void beforeTheExpiryDayIsOverNothingIsAskedAndNothingDetermined() throws Exception {
        start(Instant.parse("2026-11-20T23:59:00Z"));
        optionKnown("C", "180");
        dailyBars("265598", new String[] {"20261120", "182.50"});

        assertEquals(Optional.empty(), source.resolve(option("AAPL261120C00180000")));
        assertNothingAsked();
    }

    @Test
    void aFutureSettlesAtItsDailyCloseOfItsLastTradingDay() throws Exception {
        start(MONDAY_AFTER);
        dailyBars(
                "ES",
                new String[] {"20261216", "6001.50"},
                new String[] {"20261217", "6020.00"},
                new String[] {"20261218", "6012.25"});

        Resolution r = resolved(future());

        assertEquals(new BigDecimal("6012.25"), r.settlementPrice());
        assertNull(r.outcome());
        assertEquals(
                "ESZ6 last traded at 6012.25 on its last trading day, 2026-12-18 (IB's daily"
                        + " close; TWS does not report the exchange's final settlement price)",
                r.basis());
        List<String> bars = historyRequest();
        assertEquals(
                List.of("0", "ES", "FUT", "20261218"),
                bars.subList(2, 6),
                "the future by its root and last trading day");
        assertEquals("CME", bars.get(9));
        assertEquals("1", bars.get(14), "includeExpired");
        assertEquals(
                List.of("20261219-00:00:00", "1 day", "5 D", "0", "TRADES"),
                bars.subList(15, 20),
                "the whole session's daily TRADES bars to the end of its last trading day");
    }

    @Test
    void aFutureWithoutItsLastTradingDaysBarStaysUndetermined() throws Exception {
        start(MONDAY_AFTER);
        dailyBars("ES", new String[] {"20261217", "6020.00"});

        assertEquals(Optional.empty(), source.resolve(future()));
    }

    private static final LocalDate EVENT_EXPIRY = LocalDate.of(2026, 12, 31);
    private static final Instant AFTER_EVENT = Instant.parse("2027-01-02T14:00:00Z");

    /** A ForecastEx contract: gold above 4,050 at the end of 2026 (YES is the call). */
    private static Contract event() {
        return new Contract(
                "GCE261231C40500000",
                InstrumentKind.EVENT,
                "FORECASTX",
                "USD",
                new BigDecimal("0.01"),
                EVENT_EXPIRY);
    }

    /** The account's line of the event contract, as TWS reports it. */
    private List<String> eventLine(
            String position, String price, String value, String cost, String realized) {
        return msg.portfolioValue(
                "DU123456",
                712345678,
                "GCE",
                "20261231",
                "4050.0",
                "GCE 261231C40500000",
                position,
                price,
                value,
                cost,
                "0.0",
                realized);
    }

    @Test
    void anEventContractStillHeldAtAPriceOfOneResolvedYes() throws Exception {
        start(AFTER_EVENT);
        tws.server().portfolio.add(eventLine("10", "1.0", "10.0", "0.55", "0.0"));

        Resolution r = source.resolve(event()).orElseThrow();

        assertEquals(Outcome.YES, r.outcome());
        assertEquals(0, BigDecimal.ONE.compareTo(r.settlementPrice()));
        assertEquals(
                "GCE261231C40500000: in DU123456, held 10 at a market price of 1 after its trading"
                        + " was over: it pays 1 (IBKR account)",
                r.basis());
        List<String> subscribe = tws.server().nextRequest(6);
        assertEquals(List.of("6", "2", "1", "DU123456"), subscribe, "the login's first account");
    }

    /**
     * Held 10 at 0.42 each while subscribed; then the contract left the portfolio with −4.20
     * realised: 0.42 + (−4.20 / 10) = 0, it paid nothing.
     */
    @Test
    void anEventContractClosedWithTheLossOfItsCostResolvedNo() throws Exception {
        start(AFTER_EVENT);
        tws.server().portfolio.add(eventLine("10", "0.03", "0.3", "0.42", "0.0"));
        assertEquals(
                Optional.empty(),
                source.resolve(event()),
                "held at 0.03 after trading: not yet resolved");
        tws.server().portfolio.clear();
        tws.server().portfolio.add(eventLine("0", "0.0", "0.0", "0.0", "-4.2"));

        Resolution r = source.resolve(event()).orElseThrow();

        assertEquals(Outcome.NO, r.outcome(), "the line while held, then the line at 0");
        assertEquals(0, BigDecimal.ZERO.compareTo(r.settlementPrice()));
        assertEquals(
                "GCE261231C40500000: in DU123456, closed (position 0, realised P&L -4.2) after"
                        + " holding 10 at an average cost of 0.42 (realised P&L 0): it paid 0 per"
                        + " unit (IBKR account)",
                r.basis());
    }

    @Test
    void anEventContractWhoseFiguresSayNothingForCertainAwaitsWithWhatWasSeen() throws Exception {
        start(AFTER_EVENT);
        tws.server().portfolio.add(eventLine("10", "0.97", "9.7", "0.55", "0.0"));

        SourceAnswer answer = source.answer(event());

        assertEquals(Optional.empty(), answer.found());
        assertEquals(
                "GCE261231C40500000 awaits its outcome: in DU123456, held 10 at a market price of"
                        + " 0.97 after its trading was over, neither 1 nor 0",
                answer.undetermined());
    }

    @Test
    void anEventContractTheAccountDoesNotShowAwaitsSayingSo() throws Exception {
        start(AFTER_EVENT);

        SourceAnswer answer = source.answer(event());

        assertEquals(Optional.empty(), answer.found());
        assertTrue(
                answer.undetermined()
                        .startsWith(
                                "The IBKR account DU123456 has not shown GCE261231C40500000 in"
                                        + " its portfolio"),
                answer.undetermined());
    }

    @Test
    void anEventContractStillTradingAwaitsAndTwsIsNotAsked() throws Exception {
        start(Instant.parse("2026-12-31T20:00:00Z"));
        tws.server().nextRequest(6);

        SourceAnswer answer = source.answer(event());

        assertEquals(Optional.empty(), answer.found());
        assertTrue(answer.undetermined().contains("trades until its expiry day"));
        assertTrue(
                tws.server().drainRequests().stream().noneMatch(r -> r.get(0).equals("6")),
                "the portfolio is not asked for again");
    }

    @Test
    void aPortfolioNotReportedInTimeIsAFailure() throws Exception {
        start(AFTER_EVENT, Duration.ofMillis(500));
        tws.server().nextRequest(6);
        tws.server().withholdAccountDownloadEnd = true;

        ResolutionFailedException failure =
                assertThrows(ResolutionFailedException.class, () -> source.resolve(event()));
        assertEquals(
                "TWS did not report the account's portfolio: TWS did not report the portfolio of"
                        + " DU123456 within 500 ms; cannot resolve GCE261231C40500000",
                failure.getMessage());
    }

    @Test
    void aRefusalIsAFailureWithIbsReason() throws Exception {
        start(MONDAY_AFTER);
        optionKnown("C", "180");
        tws.server()
                .scriptedHistory
                .put(
                        "265598",
                        id ->
                                List.of(
                                        msg.error(
                                                id,
                                                162,
                                                "Historical Market Data Service error message:No"
                                                        + " market data permissions for NASDAQ"
                                                        + " STK")));

        ResolutionFailedException failure =
                assertThrows(
                        ResolutionFailedException.class,
                        () -> source.resolve(option("AAPL261120C00180000")));
        assertTrue(
                failure.getMessage().contains("No market data permissions"), failure.getMessage());
    }

    @Test
    void noAnswerInTimeIsAFailure() throws Exception {
        start(MONDAY_AFTER, Duration.ofMillis(500));
        tws.server().scriptedHistory.put("ES", id -> List.of());

        ResolutionFailedException failure =
                assertThrows(ResolutionFailedException.class, () -> source.resolve(future()));
        assertTrue(failure.getMessage().startsWith("No daily bar of ESZ6"), failure.getMessage());
    }

    @Test
    void twsDownIsAFailureSayingSo() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        source =
                sourceOn(tws.sessionTo(closedPort, 10), Duration.ofMillis(300), WAIT, MONDAY_AFTER);

        for (Contract contract : List.of(option("AAPL261120C00180000"), future())) {
            ResolutionFailedException failure =
                    assertThrows(ResolutionFailedException.class, () -> source.resolve(contract));
            assertTrue(
                    failure.getMessage().startsWith("TWS is not connected"), failure.getMessage());
            assertTrue(failure.getMessage().endsWith("cannot resolve " + contract.symbol()));
        }
        IbkrResolutionSource afterEvent =
                sourceOn(tws.sessionTo(closedPort, 10), Duration.ofMillis(300), WAIT, AFTER_EVENT);
        ResolutionFailedException failure =
                assertThrows(ResolutionFailedException.class, () -> afterEvent.resolve(event()));
        assertEquals(
                "TWS is not connected (TWS at 127.0.0.1:"
                        + closedPort
                        + ": no API connection within 300 ms); cannot resolve GCE261231C40500000",
                failure.getMessage());
    }
}
