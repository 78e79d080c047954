package org.tickerdesk.marketdata.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.marketdata.control.InvalidSimulationException;
import org.tickerdesk.marketdata.control.NotASimulatedSymbolException;
import org.tickerdesk.marketdata.entity.SimulatedPath;
import org.tickerdesk.marketdata.entity.SimulatedTick;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.control.StrictJson;

/** Specification of how ticks and paths for the simulated market are read: strictly. */
class SimulationSubmissionTest {

    private static final Contract EVENT =
            new Contract(
                    "FED-CUT",
                    InstrumentKind.EVENT,
                    "KALSHI",
                    "USD",
                    new BigDecimal("0.01"),
                    LocalDate.of(2026, 12, 10));
    private static final Map<String, Contract> SERVED =
            Map.of("AAPL", Contract.stock("AAPL", "SMART"), "FED-CUT", EVENT);
    private static final Function<String, Optional<Contract>> SERVES =
            symbol -> Optional.ofNullable(SERVED.get(symbol));

    @Test
    void aTickNeedsASymbolAndALastPriceTheRestIsOptional() {
        assertEquals(
                List.of(new SimulatedTick("AAPL", 180.0, Double.NaN, Double.NaN, 0, null)),
                ticks("{\"symbol\":\"AAPL\",\"last\":180.0}"));
        assertEquals(
                List.of(new SimulatedTick("AAPL", 180.0, 179.99, 180.01, 300, true)),
                ticks(
                        "{\"symbol\":\"AAPL\",\"last\":\"180\",\"bid\":179.99,\"ask\":180.01,"
                                + "\"size\":300,\"hold\":true}"));
    }

    @Test
    void anArrayIsReadInOrder() {
        List<SimulatedTick> ticks =
                ticks(
                        "[{\"symbol\":\"AAPL\",\"last\":180,\"hold\":true},"
                                + "{\"symbol\":\"AAPL\",\"last\":179.5,\"hold\":false}]");
        assertEquals(List.of(180.0, 179.5), ticks.stream().map(SimulatedTick::last).toList());
        assertEquals(List.of(true, false), ticks.stream().map(SimulatedTick::hold).toList());
    }

    @Test
    void everyFieldAtFaultIsNamedInOneAnswer() {
        ProblemException e =
                assertThrows(
                        InvalidSimulationException.class,
                        () ->
                                ticks(
                                        "{\"last\":-1,\"bid\":\"NaN\",\"ask\":1,\"size\":1.5,"
                                                + "\"hold\":\"yes\",\"price\":1}"));
        assertEquals(400, e.status());
        assertEquals("invalid_tick", e.code());
        assertEquals(
                "must be above zero and at most 10000000000, not -1",
                e.errorFor("last").substring("last ".length()));
        assertEquals("symbol is required, such as AAPL", e.errorFor("symbol"));
        assertEquals("bid must be a number, not 'NaN'", e.errorFor("bid"));
        assertEquals(
                "size must be a whole number from 1 to 1000000000, not 1.5", e.errorFor("size"));
        assertEquals("hold must be true or false, not 'yes'", e.errorFor("hold"));
        assertTrue(e.errorFor("price").startsWith("Unknown field 'price'"), e.errorFor("price"));
    }

    @Test
    void aBidAboveTheAskOrOnlyOneOfThemIsRefused() {
        ProblemException crossed =
                assertThrows(
                        InvalidSimulationException.class,
                        () -> ticks("{\"symbol\":\"AAPL\",\"last\":180,\"bid\":181,\"ask\":180}"));
        assertEquals("bid 181 is above ask 180", crossed.errorFor("bid"));
        ProblemException alone =
                assertThrows(
                        InvalidSimulationException.class,
                        () -> ticks("{\"symbol\":\"AAPL\",\"last\":180,\"bid\":179}"));
        assertTrue(alone.errorFor("ask").startsWith("Give both bid and ask"), alone.getMessage());
    }

    @Test
    void inAnArrayTheFieldIsNamedWithItsPlaceAndNothingIsTaken() {
        ProblemException e =
                assertThrows(
                        InvalidSimulationException.class,
                        () ->
                                ticks(
                                        "[{\"symbol\":\"AAPL\",\"last\":180},"
                                                + "{\"symbol\":\"AAPL\",\"last\":0},3]"));
        assertEquals(List.of("[1].last", "[2]"), e.errors().stream().map(f -> f.field()).toList());
        assertThrows(InvalidSimulationException.class, () -> ticks("[]"));
    }

    @Test
    void aSymbolTheMarketDoesNotStreamIs404NamingTheField() {
        ProblemException e =
                assertThrows(
                        NotASimulatedSymbolException.class,
                        () ->
                                ticks(
                                        "[{\"symbol\":\"AAPL\",\"last\":1},{\"symbol\":\"MSFT\",\"last\":1}]"));
        assertEquals(404, e.status());
        assertEquals("unknown_symbol", e.code());
        assertTrue(e.errorFor("[1].symbol").startsWith("MSFT is not a symbol"), e.getMessage());
    }

    @Test
    void anEventContractsPriceIsBelowOne() {
        ProblemException e =
                assertThrows(
                        InvalidSimulationException.class,
                        () -> ticks("{\"symbol\":\"FED-CUT\",\"last\":1}"));
        assertTrue(e.errorFor("last").contains("below 1"), e.getMessage());
        assertEquals(0.4, ticks("{\"symbol\":\"FED-CUT\",\"last\":0.4}").get(0).last());
    }

    @Test
    void aPathHasATargetOrAChangeSecondsAndOptionallySteps() {
        assertEquals(
                new SimulatedPath("AAPL", Double.NaN, -5, Duration.ofSeconds(10), 100),
                path("{\"symbol\":\"AAPL\",\"changePercent\":-5,\"seconds\":10}"));
        assertEquals(
                new SimulatedPath("AAPL", 171.0, Double.NaN, Duration.ofMillis(1500), 3),
                path("{\"symbol\":\"AAPL\",\"to\":171,\"seconds\":1.5,\"steps\":3}"));
    }

    @Test
    void aPathOutsideItsLimitsIsRefusedNamingEachField() {
        ProblemException e =
                assertThrows(
                        InvalidSimulationException.class,
                        () ->
                                path(
                                        "{\"symbol\":\"AAPL\",\"changePercent\":-100,"
                                                + "\"seconds\":3601,\"steps\":0}"));
        assertEquals("invalid_path", e.code());
        assertEquals(
                "changePercent must be above -100 and at most 10000, not -100",
                e.errorFor("changePercent"));
        assertEquals("seconds must be above 0 and at most 3600, not 3601", e.errorFor("seconds"));
        assertTrue(e.errorFor("steps").startsWith("steps must be a whole number from 1 to 36000"));

        ProblemException both =
                assertThrows(
                        InvalidSimulationException.class,
                        () ->
                                path(
                                        "{\"symbol\":\"AAPL\",\"to\":1,\"changePercent\":1,\"seconds\":1}"));
        assertEquals("Give either to or changePercent, not both", both.errorFor("to"));
        ProblemException neither =
                assertThrows(
                        InvalidSimulationException.class,
                        () -> path("{\"symbol\":\"AAPL\",\"seconds\":0}"));
        assertTrue(neither.errorFor("to").startsWith("Give to"), neither.getMessage());
        assertEquals(
                "seconds must be above 0 and at most 3600, not 0", neither.errorFor("seconds"));
        ProblemException tooFine =
                assertThrows(
                        InvalidSimulationException.class,
                        () -> path("{\"symbol\":\"AAPL\",\"to\":1,\"seconds\":1,\"steps\":1001}"));
        assertTrue(tooFine.errorFor("steps").contains("from 1 to 1000"), tooFine.getMessage());
        assertNull(tooFine.errorFor("to"));
    }

    private static List<SimulatedTick> ticks(String json) {
        return SimulationSubmission.ticks(read(json), SERVES);
    }

    private static SimulatedPath path(String json) {
        return SimulationSubmission.path(read(json).asJsonObject(), SERVES);
    }

    private static JsonStructure read(String json) {
        return new StrictJson(65_536)
                .readStructure(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
