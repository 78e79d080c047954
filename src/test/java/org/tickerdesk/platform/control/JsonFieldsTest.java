package org.tickerdesk.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.platform.entity.FieldError;

/** Fields by their types: every mistake in one refusal, each naming its field. */
class JsonFieldsTest {

    private static JsonFields fields(String body) {
        return JsonFields.of(
                new StrictJson(65_536).readObject(body),
                "no body",
                errors -> new ProblemException(400, "invalid_thing", "Invalid thing", errors));
    }

    @Test
    void valuesOfTheRightTypeAreReadAndAbsentOrNullIsNotGiven() {
        JsonFields f =
                fields(
                        "{\"symbol\":\"AAPL\",\"tickSize\":0.01,\"quantity\":\"100\",\"useRth\":false,"
                            + "\"expiry\":null}");
        assertEquals("AAPL", f.text("symbol"));
        assertEquals("0.01", f.number("tickSize"));
        assertEquals("100", f.number("quantity"));
        assertEquals("false", f.flag("useRth"));
        assertNull(f.text("expiry"));
        assertNull(f.text("description"));
        f.refuseIfAnyError();
    }

    @Test
    void linesTakeLineBreaksAndTabsButNoOtherControlCharacter() {
        JsonFields f =
                fields(
                        "{\"body\":\"first\\r\\nsecond\\tcolumn\",\"other\":\"a\\u0007b\","
                                + "\"number\":3}");
        assertEquals("first\r\nsecond\tcolumn", f.lines("body"));
        assertNull(f.lines("other"));
        assertNull(f.lines("number"));
        assertNull(f.lines("absent"));
        ProblemException e = assertThrows(ProblemException.class, f::refuseIfAnyError);
        assertEquals(
                List.of(
                        new FieldError(
                                "other",
                                "'other' must not contain control characters other than line"
                                        + " breaks and tabs (such as NUL)"),
                        new FieldError("number", "'number' must be a string, not NUMBER")),
                e.errors());
    }

    @Test
    void anErrorTheCallerFindsIsRefusedWithTheOthers() {
        JsonFields f = fields("{\"symbol\":1}");
        f.text("symbol");
        f.refuse("from", "from is after to");
        ProblemException e = assertThrows(ProblemException.class, f::refuseIfAnyError);
        assertEquals(
                List.of(
                        new FieldError("symbol", "'symbol' must be a string, not NUMBER"),
                        new FieldError("from", "from is after to")),
                e.errors());
    }

    @Test
    void aHugeNumberKeepsItsShortForm() {
        assertEquals("1E+308", fields("{\"tickSize\":1e308}").number("tickSize"));
        assertEquals("1E-12", fields("{\"tickSize\":1e-12}").number("tickSize"));
    }

    @Test
    void everyWrongTypeUnknownFieldAndControlCharacterIsNamedAtOnce() {
        JsonFields f =
                fields(
                        "{\"symbol\":123,\"quantity\":[1],\"useRth\":1,\"description\":\"a\\u0000b\","
                            + "\"curency\":\"USD\"}");
        f.only(
                List.of("symbol", "quantity", "useRth", "description"),
                field -> "'" + field + "' is unknown");
        f.text("symbol");
        f.number("quantity");
        f.flag("useRth");
        f.text("description");
        ProblemException e = assertThrows(ProblemException.class, f::refuseIfAnyError);
        assertEquals(
                List.of(
                        new FieldError("curency", "'curency' is unknown"),
                        new FieldError("symbol", "'symbol' must be a string, not NUMBER"),
                        new FieldError(
                                "quantity", "'quantity' must be a string or a number, not ARRAY"),
                        new FieldError("useRth", "'useRth' must be true or false, not NUMBER"),
                        new FieldError(
                                "description",
                                "'description' must not contain control characters (such as NUL"
                                        + " or a tab)")),
                e.errors());
        assertEquals("invalid_thing", e.code());
    }

    @Test
    void noBodyAtAllIsRefusedWithTheEndpointsWords() {
        ProblemException e =
                assertThrows(
                        ProblemException.class,
                        () ->
                                JsonFields.of(
                                        null,
                                        "Send an instrument",
                                        errors ->
                                                new ProblemException(
                                                        400, "invalid_thing", "Invalid", errors)));
        assertEquals(List.of(new FieldError("body", "Send an instrument")), e.errors());
    }

    @Test
    void textsAreAnArrayOfStringsReadInOrder() {
        JsonFields f = fields("{\"instruments\":[\"MSFT\",\"AAPL\",\"MSFT\"],\"none\":[]}");
        assertEquals(List.of("MSFT", "AAPL", "MSFT"), f.texts("instruments"));
        assertEquals(List.of(), f.texts("none"));
        f.refuseIfAnyError();
    }

    @Test
    void absentOrNullTextsAreNotGiven() {
        JsonFields f = fields("{\"instruments\":null}");
        assertNull(f.texts("instruments"));
        assertNull(f.texts("symbols"));
        f.refuseIfAnyError();
    }

    @Test
    void textsThatAreNotAnArrayAreRefusedNamingTheField() {
        JsonFields f =
                fields("{\"instruments\":\"AAPL\",\"symbols\":{\"a\":\"AAPL\"},\"tags\":true}");
        assertNull(f.texts("instruments"));
        assertNull(f.texts("symbols"));
        assertNull(f.texts("tags"));
        ProblemException e = assertThrows(ProblemException.class, f::refuseIfAnyError);
        assertEquals(
                List.of(
                        new FieldError(
                                "instruments",
                                "'instruments' must be an array of strings, not STRING"),
                        new FieldError(
                                "symbols", "'symbols' must be an array of strings, not OBJECT"),
                        new FieldError("tags", "'tags' must be an array of strings, not TRUE")),
                e.errors());
    }

    @Test
    void anArrayHoldingAnythingButStringsIsRefusedNamingTheFieldOnce() {
        JsonFields f = fields("{\"instruments\":[\"AAPL\",7,null,[\"MSFT\"]]}");
        assertNull(f.texts("instruments"));
        ProblemException e = assertThrows(ProblemException.class, f::refuseIfAnyError);
        assertEquals(
                List.of(
                        new FieldError(
                                "instruments", "'instruments' must hold strings only, not 7")),
                e.errors());
        JsonFields withNull = fields("{\"instruments\":[\"AAPL\",null]}");
        assertNull(withNull.texts("instruments"));
        assertEquals(
                List.of(
                        new FieldError(
                                "instruments", "'instruments' must hold strings only, not null")),
                assertThrows(ProblemException.class, withNull::refuseIfAnyError).errors());
    }

    @Test
    void aStringOfTheArrayHoldingAControlCharacterIsRefused() {
        JsonFields f = fields("{\"instruments\":[\"AAPL\",\"MS\\u0000FT\"]}");
        assertNull(f.texts("instruments"));
        ProblemException e = assertThrows(ProblemException.class, f::refuseIfAnyError);
        assertEquals(
                List.of(
                        new FieldError(
                                "instruments",
                                "'instruments' must not contain control characters (such as NUL"
                                        + " or a tab)")),
                e.errors());
    }
}
