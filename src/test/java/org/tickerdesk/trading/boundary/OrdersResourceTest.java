package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.tickerdesk.trading.control.InvalidOrderException;
import org.tickerdesk.trading.control.OrderInput;

/** How a POST body becomes an order input: numbers or strings, and nothing unexpected. */
class OrdersResourceTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void numbersAndStringsAreReadAsTypedAndMissingFieldsStayEmpty() {
        OrderInput input =
                OrdersResource.input(
                        json(
                                "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":100,\"type\":\"LMT\",\"limitPrice\":189.50,"
                                    + "\"stopPrice\":null,\"clientOrderId\":\"mine-1\"}"));
        assertEquals(
                new OrderInput("mine-1", "AAPL", "BUY", "100", "LMT", "189.50", null, null), input);
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        InvalidOrderException e =
                assertThrows(
                        InvalidOrderException.class,
                        () ->
                                OrdersResource.input(
                                        json(
                                                "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":100,\"type\":\"LMT\",\"limitprice\":189.5}")));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Unknown field 'limitprice'; an order has clientOrderId, symbol"),
                e.getMessage());
    }

    @Test
    void aMissingBodyOrAFieldOfTheWrongKindIsRefused() {
        assertThrows(InvalidOrderException.class, () -> OrdersResource.input(null));
        InvalidOrderException e =
                assertThrows(
                        InvalidOrderException.class,
                        () -> OrdersResource.input(json("{\"quantity\":[100]}")));
        assertEquals("'quantity' must be a string or a number, not ARRAY", e.getMessage());
    }
}
