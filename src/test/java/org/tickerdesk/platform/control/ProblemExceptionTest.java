package org.tickerdesk.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.platform.entity.FieldError;

/** The problem document (RFC 9457) every error of the API is. */
class ProblemExceptionTest {

    @Test
    void aProblemHasTypeTitleStatusDetailAndCode() {
        assertEquals(
                "{\"type\":\"urn:tickerdesk:problem:unknown_order\",\"title\":\"Unknown order\","
                        + "\"status\":404,\"detail\":\"No order x is known\","
                        + "\"code\":\"unknown_order\"}",
                new ProblemException(404, "unknown_order", "Unknown order", "No order x is known")
                        .toJson()
                        .toString());
    }

    @Test
    void aValidationProblemListsEveryFieldAndSaysThemAllInTheDetail() {
        ProblemException e =
                new ProblemException(
                        400,
                        "invalid_instrument",
                        "Invalid instrument",
                        List.of(
                                new FieldError("symbol", "bad symbol"),
                                new FieldError("tickSize", "bad tick")));
        assertEquals("bad symbol; bad tick", e.detail());
        assertEquals("bad tick", e.errorFor("tickSize"));
        assertNull(e.errorFor("kind"));
        assertEquals(
                "{\"type\":\"urn:tickerdesk:problem:invalid_instrument\","
                        + "\"title\":\"Invalid instrument\",\"status\":400,"
                        + "\"detail\":\"bad symbol; bad tick\",\"code\":\"invalid_instrument\","
                        + "\"errors\":[{\"field\":\"symbol\",\"message\":\"bad symbol\"},"
                        + "{\"field\":\"tickSize\",\"message\":\"bad tick\"}]}",
                e.toJson().toString());
    }

    @Test
    void aProblemIsAnErrorStatus() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ProblemException(200, "ok", "OK", "fine"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ProblemException(400, "invalid", "Invalid", List.of()));
    }

    @Test
    void theBadInputCallersSendCarriesNoStackTraceToLog() {
        assertEquals(0, ProblemException.badRequest("no").getStackTrace().length);
        assertEquals(413, ProblemException.payloadTooLarge(10).status());
    }
}
