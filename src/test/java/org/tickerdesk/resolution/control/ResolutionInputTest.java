package org.tickerdesk.resolution.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.instruments.entity.InstrumentKind;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.resolution.entity.Outcome;
import org.tickerdesk.resolution.entity.Resolution;

/**
 * What an admin enters: an event contract resolves by its outcome, a future or an option by its
 * settlement price, exactly one of them; every refusal names the field to fix.
 */
class ResolutionInputTest {

    @Test
    void aFutureSettlesAtThePriceGiven() {
        Resolution r =
                new ResolutionInput("6012.250", null)
                        .toResolution(InstrumentKind.FUTURE, "Entered");

        assertEquals(0, new BigDecimal("6012.25").compareTo(r.settlementPrice()));
        assertNull(r.outcome());
        assertEquals("Entered", r.basis());
    }

    @Test
    void anOptionMaySettleWorthless() {
        Resolution r = new ResolutionInput("0", null).toResolution(InstrumentKind.OPTION, "b");

        assertEquals(0, BigDecimal.ZERO.compareTo(r.settlementPrice()));
    }

    @Test
    void anEventContractResolvedYesSettlesAtOneAndNoAtZero() {
        Resolution yes = new ResolutionInput(null, "YES").toResolution(InstrumentKind.EVENT, "b");
        Resolution no = new ResolutionInput(null, " no ").toResolution(InstrumentKind.EVENT, "b");

        assertEquals(Outcome.YES, yes.outcome());
        assertEquals(0, BigDecimal.ONE.compareTo(yes.settlementPrice()));
        assertEquals(Outcome.NO, no.outcome());
        assertEquals(0, BigDecimal.ZERO.compareTo(no.settlementPrice()));
    }

    @Test
    void bothAtOnceNameBothFields() {
        assertEquals(
                List.of("settlementPrice", "outcome"),
                fields(new ResolutionInput("1", "YES"), InstrumentKind.EVENT));
    }

    @Test
    void neitherNamesTheFieldThisKindNeeds() {
        assertEquals(
                List.of("outcome"), fields(new ResolutionInput(null, " "), InstrumentKind.EVENT));
        assertEquals(
                List.of("settlementPrice"),
                fields(new ResolutionInput("", null), InstrumentKind.FUTURE));
    }

    @Test
    void anOutcomeIsOnlyForAnEventContractAndAPriceNotForOne() {
        InvalidResolutionException future =
                assertThrows(
                        InvalidResolutionException.class,
                        () ->
                                new ResolutionInput(null, "YES")
                                        .toResolution(InstrumentKind.FUTURE, "b"));
        assertEquals("outcome", future.errors().get(0).field());
        assertTrue(future.getMessage().contains("settlementPrice"), future.getMessage());

        assertEquals(
                List.of("settlementPrice"),
                fields(new ResolutionInput("1", null), InstrumentKind.EVENT));
    }

    @Test
    void anOutcomeOtherThanYesOrNoIsRefused() {
        InvalidResolutionException e =
                assertThrows(
                        InvalidResolutionException.class,
                        () ->
                                new ResolutionInput(null, "MAYBE")
                                        .toResolution(InstrumentKind.EVENT, "b"));

        assertEquals("outcome", e.errors().get(0).field());
        assertEquals("invalid_resolution", e.code());
        assertEquals(400, e.status());
    }

    @Test
    void aPriceMustBeANumberNotNegativeAndFitEightDecimals() {
        for (String price : List.of("lots", "-0.01", "1.123456789", "1e12")) {
            assertEquals(
                    List.of("settlementPrice"),
                    fields(new ResolutionInput(price, null), InstrumentKind.FUTURE),
                    price);
        }
    }

    private static List<String> fields(ResolutionInput input, InstrumentKind kind) {
        InvalidResolutionException e =
                assertThrows(InvalidResolutionException.class, () -> input.toResolution(kind, "b"));
        return e.errors().stream().map(FieldError::field).toList();
    }
}
