package org.tickerdesk.tasks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.control.StrictJson;

/** An interval is a whole number of seconds from 1 to 604,800 (7 days); a refusal names a field. */
class IntervalChangeTest {

    private static JsonObject body(String json) {
        return new StrictJson(StrictJson.DEFAULT_MAX_BYTES).readObject(json);
    }

    @Test
    void theBoundsAreOneSecondAndSevenDays() {
        assertEquals(Duration.ofSeconds(1), IntervalChange.from(body("{\"intervalSeconds\":1}")));
        assertEquals(Duration.ofDays(7), IntervalChange.from(body("{\"intervalSeconds\":604800}")));
        assertEquals(
                Duration.ofSeconds(1000), IntervalChange.from(body("{\"intervalSeconds\":1e3}")));
        assertEquals(Duration.ofMinutes(5), IntervalChange.fromText(" 300 "));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"intervalSeconds\":0}",
                "{\"intervalSeconds\":-5}",
                "{\"intervalSeconds\":604801}",
                "{\"intervalSeconds\":1.5}",
                "{\"intervalSeconds\":\"60\"}",
                "{\"intervalSeconds\":null}",
                "{\"intervalSeconds\":1e999999}",
                "{}"
            })
    void anythingElseIsRefusedNamingTheField(String json) {
        ProblemException problem =
                assertThrows(ProblemException.class, () -> IntervalChange.from(body(json)));
        assertEquals(400, problem.status());
        assertEquals("invalid_task", problem.code());
        assertEquals("intervalSeconds", problem.errors().get(0).field());
        assertTrue(problem.detail().length() < 200, problem.detail());
    }

    @Test
    void anotherFieldIsRefusedByItsName() {
        ProblemException problem =
                assertThrows(
                        ProblemException.class,
                        () -> IntervalChange.from(body("{\"intervalSeconds\":60,\"every\":1}")));
        assertEquals("every", problem.errors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "0", "2.5", "700000"})
    void thePagesFieldFollowsTheSameRules(String text) {
        ProblemException problem =
                assertThrows(ProblemException.class, () -> IntervalChange.fromText(text));
        assertEquals("intervalSeconds", problem.errors().get(0).field());
    }
}
