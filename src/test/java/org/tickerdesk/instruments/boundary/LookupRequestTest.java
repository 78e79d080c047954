package org.tickerdesk.instruments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.control.InvalidInstrumentException;
import org.tickerdesk.instruments.control.LookupFailedException.Reason;
import org.tickerdesk.instruments.entity.ContractQuery;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * POST /api/v1/instruments/lookup: which bodies are taken, which are refused (400), and each
 * failure's status.
 */
class LookupRequestTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static ContractQuery query(String body) {
        return InstrumentsResource.lookupInput(json(body)).toQuery();
    }

    @Test
    void aSymbolWithOptionalNarrowing() {
        assertEquals(
                ContractQuery.bySymbol("AAPL", InstrumentKind.STOCK, null, null, null),
                query("{\"symbol\":\"AAPL\"}"));
        assertEquals(
                ContractQuery.bySymbol("SAP", InstrumentKind.STOCK, "IBIS", "EUR", null),
                query(
                        "{\"symbol\":\"SAP\",\"kind\":\"stock\",\"exchange\":\"IBIS\",\"currency\":\"EUR\",\"expiry\":null}"));
    }

    @Test
    void aConIdAsNumberOrString() {
        assertEquals(ContractQuery.byConId(265598), query("{\"conId\":265598}"));
        assertEquals(ContractQuery.byConId(265598), query("{\"conId\":\"265598\"}"));
    }

    @Test
    void badBodiesAreRefusedWithTheReason() {
        assertRefused(null, "The body must be a JSON object");
        assertRefused("{}", "A symbol (or a conId) is required");
        assertRefused(
                "{\"symbol\":\"AAPL\",\"curency\":\"USD\"}", "'curency' is not a lookup field");
        assertRefused("{\"symbol\":[\"AAPL\"]}", "'symbol' must be a string, not ARRAY");
        assertRefused("{\"conId\":265598.5}", "'265598.5' is not a contract id");
        assertRefused("{\"conId\":265598,\"symbol\":\"AAPL\"}", "either by conId or by symbol");
        assertRefused(
                "{\"symbol\":\"AAPL\",\"kind\":\"bond\"}", "'bond' is not a kind of instrument");
    }

    @Test
    void eachFailureAtTheBrokerHasItsOwnStatus() {
        assertEquals(404, Reason.NO_SUCH_INSTRUMENT.status());
        assertEquals(409, Reason.NOT_USED.status());
        assertEquals(422, Reason.AMBIGUOUS.status());
        assertEquals(502, Reason.REFUSED.status());
        assertEquals(503, Reason.NOT_CONNECTED.status());
        assertEquals(504, Reason.TIMED_OUT.status());
        assertEquals("no_such_instrument", Reason.NO_SUCH_INSTRUMENT.code());
        assertEquals("lookup_not_available", Reason.NOT_USED.code());
        assertEquals("broker_not_connected", Reason.NOT_CONNECTED.code());
        assertEquals("broker_timeout", Reason.TIMED_OUT.code());
        assertEquals("ambiguous_instrument", Reason.AMBIGUOUS.code());
        assertEquals("broker_refused", Reason.REFUSED.code());
    }

    private static void assertRefused(String body, String reason) {
        InvalidInstrumentException e =
                assertThrows(
                        InvalidInstrumentException.class,
                        () ->
                                InstrumentsResource.lookupInput(body == null ? null : json(body))
                                        .toQuery());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
