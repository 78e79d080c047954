package org.tickerdesk.ibkr.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.ibkr.faketws.FakeTws;
import org.tickerdesk.instruments.control.InvalidInstrumentException;
import org.tickerdesk.instruments.control.LookupFailedException;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.ContractMatch;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * Contract lookups against the fake TWS, which knows AAPL (conId 265598) and SAP (in USD and EUR).
 */
class IbkrContractsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension final FakeTws tws = new FakeTws();
    private IbkrContracts contracts;

    private void start(int serverVersion) throws Exception {
        contracts = new IbkrContracts(tws.start(serverVersion), WAIT, WAIT);
        tws.connect();
    }

    private static ContractQuery stock(String symbol) {
        return ContractQuery.bySymbol(symbol, InstrumentKind.STOCK, null, null, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 178, 200})
    void aStockResolvesToItsConIdTickAndHours(int serverVersion) throws Exception {
        start(serverVersion);
        List<ContractMatch> matches = contracts.lookup(stock("AAPL"));
        assertEquals(1, matches.size());
        ContractMatch aapl = matches.get(0);
        assertEquals(
                new Contract(
                        "AAPL",
                        InstrumentKind.STOCK,
                        "NASDAQ",
                        "USD",
                        new BigDecimal("0.01"),
                        null),
                aapl.contract());
        assertEquals(265598, aapl.details().conId());
        assertEquals("APPLE INC", aapl.details().longName());
        assertEquals("US/Eastern", aapl.details().timeZone());
        assertEquals("20251121:0400-20251121:2000;20251122:CLOSED", aapl.details().tradingHours());
        assertEquals("20251121:0930-20251121:1600", aapl.details().liquidHours());

        List<String> request = tws.server().nextRequest(9);
        assertEquals(List.of("0", "AAPL", "STK"), request.subList(3, 6));
        assertEquals(
                List.of("SMART", "", ""),
                request.subList(10, 13),
                "SMART, no primary exchange, any currency");
    }

    @Test
    void aConIdResolvesTheSameContract() throws Exception {
        start(200);
        ContractMatch aapl = contracts.lookup(ContractQuery.byConId(265598)).get(0);
        assertEquals("AAPL", aapl.contract().symbol());
        assertEquals(InstrumentKind.STOCK, aapl.contract().kind());
        assertEquals(265598, aapl.details().conId());
        List<String> request = tws.server().nextRequest(9);
        assertEquals(
                List.of("265598", "", ""),
                request.subList(3, 6),
                "conId alone, no symbol or secType");
    }

    @Test
    void anUnknownSymbolIsNoSuchInstrumentAtIbkr() throws Exception {
        start(200);
        LookupFailedException failure =
                assertThrows(LookupFailedException.class, () -> contracts.lookup(stock("NOSUCH")));
        assertEquals(LookupFailedException.Reason.NO_SUCH_INSTRUMENT, failure.reason());
        assertEquals("No such instrument at IBKR: NOSUCH stock", failure.getMessage());
    }

    @Test
    void aStockListedInTwoCurrenciesGivesBothMatches() throws Exception {
        start(200);
        List<ContractMatch> matches = contracts.lookup(stock("SAP"));
        assertEquals(
                List.of("NYSE USD 33260814", "IBIS EUR 14204"),
                matches.stream()
                        .map(
                                m ->
                                        m.contract().exchange()
                                                + " "
                                                + m.contract().currency()
                                                + " "
                                                + m.details().conId())
                        .toList());
        assertEquals(new BigDecimal("0.02"), matches.get(1).contract().tickSize());
    }

    @Test
    void withoutTwsTheLookupSaysTwsIsNotConnected() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        contracts = new IbkrContracts(tws.sessionTo(closedPort, 10), Duration.ofMillis(300), WAIT);
        LookupFailedException failure =
                assertThrows(LookupFailedException.class, () -> contracts.lookup(stock("AAPL")));
        assertEquals(LookupFailedException.Reason.NOT_CONNECTED, failure.reason());
        assertEquals(
                "TWS is not connected (TWS at 127.0.0.1:"
                        + closedPort
                        + ": no API connection within 300 ms);"
                        + " cannot look up AAPL stock",
                failure.getMessage());
    }

    @Test
    void aQueryIbCannotBeAskedIsTheUsersToFix() throws Exception {
        start(200);
        InvalidInstrumentException refused =
                assertThrows(
                        InvalidInstrumentException.class,
                        () ->
                                contracts.lookup(
                                        ContractQuery.bySymbol(
                                                "AAPL", InstrumentKind.OPTION, null, null, null)));
        assertTrue(
                refused.getMessage().contains("give the expiry, or look it up by conId"),
                refused.getMessage());
    }
}
