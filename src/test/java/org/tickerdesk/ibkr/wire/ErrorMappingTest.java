package org.tickerdesk.ibkr.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.ibkr.faketws.ServerMessages;
import org.tickerdesk.ibkr.wire.messages.IbError;
import org.tickerdesk.ibkr.wire.messages.IbError.Category;
import org.tickerdesk.ibkr.wire.messages.IbError.Reaction;
import org.tickerdesk.ibkr.wire.messages.IbError.Severity;
import org.tickerdesk.ibkr.wire.messages.TwsError;

class ErrorMappingTest {

    @ParameterizedTest
    @CsvSource({
        "162, HISTORICAL_PACING, ERROR, RETRY_LATER, Historical Market Data Service error"
                + " message:API historical data query pacing violation",
        "200, NO_SECURITY_DEFINITION, ERROR, FAIL_REQUEST, No security definition has been found"
                + " for the request",
        "354, NO_MARKET_DATA_PERMISSION, ERROR, FAIL_REQUEST, Requested market data is not"
                + " subscribed.",
        "10167, DELAYED_DATA, WARNING, NONE, Requested market data is not subscribed. Displaying"
                + " delayed market data.",
        "10168, NO_MARKET_DATA_PERMISSION, ERROR, FAIL_REQUEST, Requested market data is not"
                + " subscribed. Delayed market data is not enabled.",
        "326, CLIENT_ID_IN_USE, FATAL, CHANGE_CLIENT_ID, Unable to connect as the client id is"
                + " already in use.",
        "502, CONNECTIVITY, FATAL, RECONNECT, Couldn't connect to TWS.",
        "504, CONNECTIVITY, ERROR, RECONNECT, Not connected",
        "1100, CONNECTIVITY, WARNING, WAIT_FOR_RESTORE, Connectivity between IB and Trader"
                + " Workstation has been lost.",
        "1101, CONNECTIVITY, WARNING, RESUBSCRIBE_ALL, Connectivity restored - data lost.",
        "1102, CONNECTIVITY, INFO, NONE, Connectivity restored - data maintained.",
        "2103, DATA_FARM, WARNING, NONE, Market data farm connection is broken:usfarm",
        "2104, DATA_FARM, INFO, NONE, Market data farm connection is OK:usfarm",
        "2105, DATA_FARM, WARNING, NONE, HMDS data farm connection is broken:ushmds",
        "2106, DATA_FARM, INFO, NONE, HMDS data farm connection is OK:ushmds",
        "2107, DATA_FARM, INFO, NONE, HMDS data farm connection is inactive but should be available"
                + " upon demand.",
        "2108, DATA_FARM, INFO, NONE, Market data farm connection is inactive but should be"
                + " available upon demand.",
        "2157, DATA_FARM, WARNING, NONE, Sec-def data farm connection is broken:secdefnj",
        "2158, DATA_FARM, INFO, NONE, Sec-def data farm connection is OK:secdefnj",
    })
    void everyListedCodeHasItsState(
            int code, Category category, Severity severity, Reaction reaction, String text) {
        TwsError error = TwsError.of(-1, code, text, "", 0);
        assertEquals(code, error.known().code());
        assertEquals(category, error.category());
        assertEquals(severity, error.severity());
        assertEquals(reaction, error.reaction());
        assertTrue(error.describe().contains(text), error.describe());
        assertTrue(error.describe().contains(error.known().meaning()));
    }

    @Test
    void historicalErrorsThatAreNotPacingFailTheRequestInstead() {
        assertEquals(
                IbError.HISTORICAL_QUERY_FAILED,
                IbError.of(
                        162,
                        "Historical Market Data Service error message:HMDS query returned no data:"
                                + " AAPL@SMART Trades"));
        assertEquals(
                IbError.HISTORICAL_QUERY_FAILED,
                IbError.of(
                        162,
                        "Historical Market Data Service error message:API historical data query"
                                + " cancelled: 8"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Historical Market Data Service error message:No market data permissions for NYSE"
                        + " STK",
                "Historical Market Data Service error message:Historical data request for greater"
                        + " than 365 days rejected.",
                "Historical Market Data Service error message:Time length exceed max.",
                "Historical Market Data Service error message:Trading TWS session is connected from"
                        + " a different IP address",
                "Historical Market Data Service error message:BEST queries are not supported for"
                        + " this contract",
                "Historical Market Data Service error message:Starting time must occur before"
                        + " ending time",
            })
    void historicalRefusalsThatNoRetryCuresFailTheRequestRatherThanPauseTheGate(String text) {
        assertEquals(IbError.HISTORICAL_QUERY_FAILED, IbError.of(162, text));
    }

    @Test
    void anUnrecognisedHistoricalErrorIsTakenForPacingAndRetried() {
        assertEquals(
                IbError.HISTORICAL_PACING_VIOLATION,
                IbError.of(
                        162,
                        "Historical Market Data Service error message:Historical data request"
                                + " pacing violation"));
        assertEquals(
                IbError.HISTORICAL_PACING_VIOLATION,
                IbError.of(162, "Historical Market Data Service error message:"));
    }

    @Test
    void unknownCodesKeepTheirTextAndAreNeverSwallowed() {
        TwsError error =
                TwsError.of(
                        5,
                        399,
                        "Order message error: your order will not be placed at the exchange until"
                                + " 09:30",
                        "",
                        0);
        assertNull(error.known());
        assertEquals(Category.OTHER, error.category());
        assertEquals(Severity.ERROR, error.severity());
        assertEquals(
                "[399] Order message error: your order will not be placed at the exchange until"
                        + " 09:30",
                error.describe());
        assertEquals(
                Severity.WARNING,
                TwsError.of(-1, 2119, "Market data farm is connecting:usfarm", "", 0).severity());
    }

    @Test
    void errorTextIsUnicodeUnescaped() throws Exception {
        TwsError error =
                (TwsError)
                        new MessageDecoder(178)
                                .decode(
                                        new ServerMessages(178)
                                                .error(
                                                        3,
                                                        201,
                                                        "Order rejected - reason:\\u00c9chec"
                                                                + " \\u20ac"))
                                .get(0);
        assertEquals("Order rejected - reason:Échec €", error.text());
    }
}
