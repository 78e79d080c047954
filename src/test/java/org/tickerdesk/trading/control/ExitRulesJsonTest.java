package org.tickerdesk.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.trading.entity.BrokerProtection;
import org.tickerdesk.trading.entity.ExitOrder;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.Offset;
import org.tickerdesk.trading.entity.RoiStep;
import org.tickerdesk.trading.entity.TakeProfitStep;
import org.tickerdesk.trading.entity.Trailing;
import org.tickerdesk.trading.entity.TriggerPrice;

class ExitRulesJsonTest {

    private static final String EVERY_RULE =
            "{\"stopLoss\":{\"percent\":2},\"breakEvenPercent\":3,"
                + "\"trailing\":{\"amount\":1.5,\"activationPercent\":2},"
                + "\"takeProfit\":[{\"percent\":5,\"fraction\":0.5},{\"price\":120,\"fraction\":0.5}],"
                + "\"timeLimit\":\"PT4H\",\"roi\":{\"30\":2,\"0\":4},\"triggerPrice\":\"mid\","
                + "\"exitOrder\":{\"type\":\"LIMIT\",\"offsetPercent\":0.1,\"fallbackSeconds\":5},"
                + "\"brokerProtection\":\"STOP\"}";

    @Test
    void everyRuleIsReadAsGiven() {
        ExitRules rules = read(EVERY_RULE);

        assertEquals(Offset.percent(2), rules.stopLoss());
        assertEquals(3.0, rules.breakEvenPercent());
        assertEquals(new Trailing(Offset.amount(1.5), 2.0), rules.trailing());
        assertEquals(
                List.of(
                        new TakeProfitStep(Offset.percent(5), 0.5),
                        new TakeProfitStep(Offset.price(120), 0.5)),
                rules.takeProfit());
        assertEquals(Duration.ofHours(4), rules.timeLimit());
        assertEquals(List.of(new RoiStep(0, 4), new RoiStep(30, 2)), rules.roi());
        assertEquals(TriggerPrice.MID, rules.triggerPrice());
        assertEquals(new ExitOrder(0.1, 5), rules.exitOrder());
        assertEquals(BrokerProtection.STOP, rules.protection());
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        ExitRules rules = read(EVERY_RULE);

        JsonObject written = ExitRulesJson.write(rules);

        assertEquals(rules, ExitRulesJson.read(written.toString()));
        assertEquals(written, ExitRulesJson.write(ExitRulesJson.read(written.toString())));
    }

    @Test
    void aSingleTargetIsWrittenAsALadderOfOneWholeRungAndTheDefaultsAreSpelledOut() {
        JsonObject written = ExitRulesJson.write(read("{\"takeProfit\":{\"amount\":4}}"));

        assertEquals(
                json(
                        "{\"takeProfit\":[{\"amount\":4.0,\"fraction\":1.0}],"
                                + "\"triggerPrice\":\"LAST\",\"exitOrder\":{\"type\":\"MARKET\"},"
                                + "\"brokerProtection\":\"NONE\"}"),
                written);
    }

    @Test
    void noRulesAtAllIsNone() {
        assertSame(ExitRules.NONE, ExitRulesJson.read(JsonValue.NULL, "rules"));
        assertSame(ExitRules.NONE, ExitRulesJson.read(null, "rules"));
        assertEquals(ExitRules.NONE, read("{}"));
    }

    @Test
    void rulesThatAreNoObjectAreNamedByThePrefix() {
        assertEquals(
                List.of("defaults"),
                fields(() -> ExitRulesJson.read(Json.createValue(2), "defaults")));
    }

    @Test
    void everyMistakeIsNamedByItsPathAndAllAreCollected() {
        assertEquals(
                List.of("rules.colour", "rules.stopLoss", "rules.timeLimit"),
                fields("{\"colour\":1,\"stopLoss\":{},\"timeLimit\":\"4 hours\"}"));
    }

    @Test
    void aValueAtFaultIsNamedFirstAndTheOffsetLeftWithoutOneAfterIt() {
        assertEquals(
                List.of("rules.stopLoss.percent", "rules.stopLoss"),
                fields("{\"stopLoss\":{\"percent\":-2}}"));
    }

    @Test
    void eachErrorPathNamesItsField() {
        List<List<String>> cases =
                List.of(
                        List.of("{\"stopLos\":{\"percent\":2}}", "rules.stopLos"),
                        List.of("{\"stopLoss\":2}", "rules.stopLoss"),
                        List.of("{\"stopLoss\":{\"percent\":2,\"amount\":1}}", "rules.stopLoss"),
                        List.of("{\"stopLoss\":{\"percent\":-2}}", "rules.stopLoss.percent"),
                        List.of("{\"stopLoss\":{\"percent\":\"2\"}}", "rules.stopLoss.percent"),
                        List.of("{\"stopLoss\":{\"percent\":100}}", "rules.stopLoss"),
                        List.of("{\"stopLoss\":{\"pct\":2}}", "rules.stopLoss.pct"),
                        List.of("{\"breakEvenPercent\":0}", "rules.breakEvenPercent"),
                        List.of("{\"trailing\":1}", "rules.trailing"),
                        List.of("{\"trailing\":{\"price\":100}}", "rules.trailing.price"),
                        List.of(
                                "{\"trailing\":{\"percent\":1,\"activationPercent\":-1}}",
                                "rules.trailing.activationPercent"),
                        List.of("{\"takeProfit\":[]}", "rules.takeProfit"),
                        List.of("{\"takeProfit\":5}", "rules.takeProfit"),
                        List.of("{\"takeProfit\":[5]}", "rules.takeProfit[0]"),
                        List.of(
                                "{\"takeProfit\":[{\"percent\":5}]}",
                                "rules.takeProfit[0].fraction"),
                        List.of(
                                "{\"takeProfit\":[{\"percent\":5,\"fraction\":1.5}]}",
                                "rules.takeProfit[0].fraction"),
                        List.of(
                                "{\"takeProfit\":[{\"percent\":5,\"fraction\":0.6},"
                                        + "{\"percent\":9,\"fraction\":0.6}]}",
                                "rules.takeProfit"),
                        List.of("{\"timeLimit\":4}", "rules.timeLimit"),
                        List.of("{\"timeLimit\":\"PT0S\"}", "rules.timeLimit"),
                        List.of("{\"timeLimit\":\"-PT1H\"}", "rules.timeLimit"),
                        List.of("{\"roi\":[4]}", "rules.roi"),
                        List.of("{\"roi\":{\"soon\":4}}", "rules.roi.soon"),
                        List.of("{\"roi\":{\"-5\":4}}", "rules.roi.-5"),
                        List.of("{\"roi\":{\"0\":\"4\"}}", "rules.roi.0"),
                        List.of("{\"roi\":{\"0\":1e400}}", "rules.roi.0"),
                        List.of("{\"triggerPrice\":\"CLOSE\"}", "rules.triggerPrice"),
                        List.of("{\"triggerPrice\":1}", "rules.triggerPrice"),
                        List.of("{\"exitOrder\":\"MARKET\"}", "rules.exitOrder"),
                        List.of("{\"exitOrder\":{\"type\":\"STOP\"}}", "rules.exitOrder.type"),
                        List.of(
                                "{\"exitOrder\":{\"type\":\"MARKET\",\"fallbackSeconds\":5}}",
                                "rules.exitOrder"),
                        List.of(
                                "{\"exitOrder\":{\"type\":\"LIMIT\",\"offsetPercent\":0.1}}",
                                "rules.exitOrder"),
                        List.of(
                                "{\"exitOrder\":{\"type\":\"LIMIT\",\"offsetPercent\":0.1,"
                                        + "\"fallbackSeconds\":2.5}}",
                                "rules.exitOrder"),
                        List.of(
                                "{\"exitOrder\":{\"type\":\"LIMIT\",\"offsetPercent\":60,"
                                        + "\"fallbackSeconds\":5}}",
                                "rules.exitOrder"),
                        List.of(
                                "{\"exitOrder\":{\"type\":\"MARKET\",\"speed\":1}}",
                                "rules.exitOrder.speed"),
                        List.of("{\"brokerProtection\":\"ALL\"}", "rules.brokerProtection"),
                        List.of("{\"brokerProtection\":\"STOP\"}", "rules"));
        for (List<String> c : cases) {
            assertEquals(c.get(1), fields(c.get(0)).get(0), c.get(0));
        }
    }

    @Test
    void eachMessageStartsWithThePathItNames() {
        InvalidPositionException refused =
                assertThrows(
                        InvalidPositionException.class, () -> read("{\"breakEvenPercent\":-1}"));
        FieldError error = refused.errors().get(0);
        assertEquals("rules.breakEvenPercent must be above zero", error.message());
    }

    @Test
    void storedRulesAreReadUnderTheNameRules() {
        assertNull(ExitRulesJson.read("{}").stopLoss());
        assertEquals(
                List.of("rules.stopLoss"), fields(() -> ExitRulesJson.read("{\"stopLoss\":{}}")));
    }

    private static ExitRules read(String json) {
        return ExitRulesJson.read(json(json), "rules");
    }

    private static List<String> fields(String json) {
        return fields(() -> read(json));
    }

    private static List<String> fields(org.junit.jupiter.api.function.Executable reading) {
        InvalidPositionException refused = assertThrows(InvalidPositionException.class, reading);
        return refused.errors().stream().map(FieldError::field).toList();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
