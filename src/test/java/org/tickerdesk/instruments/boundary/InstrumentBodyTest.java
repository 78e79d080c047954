package org.tickerdesk.instruments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.control.ContractInput;
import org.tickerdesk.instruments.control.InvalidInstrumentException;
import org.tickerdesk.platform.control.StrictJson;
import org.tickerdesk.platform.entity.FieldError;

/**
 * POST /api/v1/instruments: how a body becomes an instrument's input, and what is refused before
 * the catalog is ever asked (so nothing is stored).
 */
class InstrumentBodyTest {

    private static ContractInput input(String body) {
        return InstrumentsResource.input(new StrictJson(65_536).readObject(body));
    }

    @Test
    void stringsAndATickSizeAsNumberOrString() {
        assertEquals(
                new ContractInput("IBM", null, null, null, "0.01", null, "Big Blue"),
                input("{\"symbol\":\"IBM\",\"tickSize\":0.01,\"description\":\"Big Blue\"}"));
        assertEquals(
                new ContractInput("IBM", "stock", "NYSE", "USD", "0.01", null, null),
                input(
                        "{\"symbol\":\"IBM\",\"kind\":\"stock\",\"exchange\":\"NYSE\","
                                + "\"currency\":\"USD\",\"tickSize\":\"0.01\"}"));
    }

    @Test
    void aSymbolThatIsNotAStringIsRefusedNotReadAsText() {
        assertRefused(
                "{\"symbol\":123}",
                List.of(new FieldError("symbol", "'symbol' must be a string, not NUMBER")));
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertRefused(
                "{\"symbol\":\"IBM\",\"tick\":0.01}",
                List.of(
                        new FieldError(
                                "tick",
                                "'tick' is not a field of an instrument; use symbol, kind,"
                                        + " exchange, currency, tickSize, expiry, description")));
    }

    @Test
    void noBodyIsRefused() {
        InvalidInstrumentException e =
                assertThrows(
                        InvalidInstrumentException.class, () -> InstrumentsResource.input(null));
        assertEquals("The body must be a JSON object describing the instrument", e.getMessage());
    }

    @Test
    void aNulOrAnAbsurdTickSizeIsRefusedNamingTheField() {
        InvalidInstrumentException nul =
                assertThrows(
                        InvalidInstrumentException.class,
                        () -> input("{\"symbol\":\"IBM\",\"description\":\"a\\u0000b\"}"));
        assertEquals(List.of("description"), nul.errors().stream().map(FieldError::field).toList());
        InvalidInstrumentException huge =
                assertThrows(
                        InvalidInstrumentException.class,
                        () -> input("{\"symbol\":\"IBM\",\"tickSize\":1e308}").toContract());
        assertEquals(List.of("tickSize"), huge.errors().stream().map(FieldError::field).toList());
    }

    private static void assertRefused(String body, List<FieldError> errors) {
        InvalidInstrumentException e =
                assertThrows(InvalidInstrumentException.class, () -> input(body));
        assertEquals(errors, e.errors());
        assertEquals(400, e.status());
    }
}
