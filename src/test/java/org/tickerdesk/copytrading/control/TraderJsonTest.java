package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.Caps;
import org.tickerdesk.copytrading.entity.Filters;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.SizingMode;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.trading.entity.ExitRules;

class TraderJsonTest {

    private static final String ALICE =
            "{\"name\":\"Alice\",\"feed\":\"webhook\",\"allocation\":10000,"
                    + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5}}";

    @Test
    void theIssuesExampleIsATraderWithEveryDefault() {
        TraderSettings alice = TraderJson.create(json(ALICE));

        assertEquals(
                new TraderSettings(
                        "Alice",
                        "webhook",
                        true,
                        false,
                        new BigDecimal("10000"),
                        Sizing.ratio(new BigDecimal("0.5")),
                        Caps.NONE,
                        Filters.NONE,
                        true,
                        null,
                        ExitRules.NONE),
                alice);
    }

    @Test
    void everySettingIsRead() {
        TraderSettings bob =
                TraderJson.create(
                        json(
                                "{\"name\":\" Bob \",\"feed\":\"ibkr\",\"enabled\":false,"
                                        + "\"paper\":true,\"allocation\":\"2500.50\","
                                        + "\"sizing\":{\"mode\":\"FIXED\",\"amount\":250},"
                                        + "\"caps\":{\"perTrade\":500,\"totalExposure\":2000,"
                                        + "\"openPositions\":4},"
                                        + "\"filters\":{\"allowed\":[\"aapl\",\"MSFT\"],"
                                        + "\"denied\":[\"TSLA\"],\"minTradeSize\":0,"
                                        + "\"maxTradeSize\":1000,\"maxDelaySeconds\":30,"
                                        + "\"maxPriceDeviationPercent\":0.5},"
                                        + "\"copyExits\":false,\"copyStopLossPercent\":20,"
                                        + "\"rules\":{\"stopLoss\":{\"percent\":2}}}"));

        assertEquals("Bob", bob.name());
        assertEquals("ibkr", bob.feed());
        assertEquals(false, bob.enabled());
        assertEquals(true, bob.paper());
        assertEquals(new BigDecimal("2500.5"), bob.allocation());
        assertEquals(Sizing.fixed(new BigDecimal("250")), bob.sizing());
        assertEquals(new Caps(new BigDecimal("500"), new BigDecimal("2000"), 4), bob.caps());
        assertEquals(
                new Filters(
                        Set.of("AAPL", "MSFT"),
                        Set.of("TSLA"),
                        new BigDecimal("0"),
                        new BigDecimal("1000"),
                        Duration.ofSeconds(30),
                        new BigDecimal("0.5")),
                bob.filters());
        assertEquals(false, bob.copyExits());
        assertEquals(new BigDecimal("20"), bob.copyStopLossPercent());
        assertEquals(2.0, bob.rules().stopLoss().percent());
    }

    @Test
    void writtenSettingsReadBackTheSame() {
        TraderSettings settings =
                TraderJson.create(
                        json(
                                "{\"name\":\"Carol\",\"feed\":\"simulated\",\"allocation\":1E+4,"
                                    + "\"sizing\":{\"mode\":\"share\"},"
                                    + "\"caps\":{\"openPositions\":3},"
                                    + "\"filters\":{\"denied\":[\"GME\"],\"maxDelaySeconds\":60},"
                                    + "\"copyStopLossPercent\":12.5,"
                                    + "\"rules\":{\"trailing\":{\"percent\":1}}}"));
        JsonObject written = TraderJson.settings(settings);

        assertEquals("10000", written.get("allocation").toString(), "never 1E+4");
        assertEquals("{\"mode\":\"share\"}", written.get("sizing").toString());
        assertEquals(
                "{\"perTrade\":null,\"totalExposure\":null,\"openPositions\":3}",
                written.get("caps").toString());
        assertEquals(settings, TraderJson.create(written));
    }

    @Test
    void aSnapshotCarriesIdTimesAndVersionButNoSecret() {
        TraderSnapshot snapshot =
                new TraderSnapshot(
                        7,
                        TraderJson.create(json(ALICE)),
                        Instant.parse("2026-11-30T10:00:00Z"),
                        Instant.parse("2026-11-30T10:05:00Z"),
                        3);

        JsonObject written = TraderJson.write(snapshot);

        assertEquals(7, written.getInt("id"));
        assertEquals("2026-11-30T10:05:00Z", written.getString("updatedAt"));
        assertEquals(3, written.getInt("version"));
        assertTrue(written.containsKey("copyStopLossPercent"));
        assertTrue(written.get("copyStopLossPercent").getValueType().toString().equals("NULL"));
        assertTrue(!written.containsKey("secret"));
        for (String field :
                List.of(
                        "name",
                        "feed",
                        "enabled",
                        "paper",
                        "allocation",
                        "sizing",
                        "caps",
                        "filters",
                        "copyExits",
                        "rules")) {
            assertTrue(written.containsKey(field), field);
        }
    }

    @Test
    void aNegativeAllocationAndARatioOfZeroAreBothNamed() {
        assertEquals(
                List.of(
                        new FieldError("allocation", "allocation must be above zero, not -5"),
                        new FieldError("sizing.ratio", "sizing.ratio must be above zero, not 0")),
                refused(
                        "{\"name\":\"A\",\"feed\":\"webhook\",\"allocation\":-5,"
                                + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0}}"));
    }

    @Test
    void whatIsMissingIsNamed() {
        assertEquals(
                List.of(
                        new FieldError("name", "name is needed: 1 to 100 characters"),
                        new FieldError("feed", "feed is needed: one of ibkr, simulated, webhook"),
                        new FieldError("allocation", "allocation is needed: a number above zero"),
                        new FieldError(
                                "sizing",
                                "sizing is needed, such as {\"mode\":\"ratio\",\"ratio\":0.5}")),
                refused("{}"));
        assertEquals(
                List.of(
                        new FieldError(
                                "sizing.mode", "sizing.mode is needed: fixed, ratio or share")),
                refused(
                        "{\"name\":\"A\",\"feed\":\"webhook\",\"allocation\":5,"
                                + "\"sizing\":{\"ratio\":0.5}}"));
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() {
        List<FieldError> errors =
                refused(
                        "{\"name\":7,\"feed\":\"fax\",\"allocation\":\"lots\",\"enabeld\":true,"
                                + "\"paper\":\"yes\",\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5,"
                                + "\"amount\":10},\"caps\":{\"openPositions\":1.5},"
                                + "\"filters\":{\"allowed\":\"AAPL\"}}");

        assertEquals(
                List.of(
                        "enabeld",
                        "name",
                        "feed",
                        "paper",
                        "allocation",
                        "sizing.amount",
                        "caps.openPositions",
                        "filters.allowed"),
                errors.stream().map(FieldError::field).toList());
        assertEquals("name is a string, not a number", errors.get(1).message());
        assertEquals("feed is one of ibkr, simulated, webhook, not 'fax'", errors.get(2).message());
        assertEquals("paper is true or false, not a string", errors.get(3).message());
        assertEquals("sizing.amount does not apply to sizing ratio", errors.get(5).message());
        assertEquals(
                "caps.openPositions is a whole number from 1 to 100000, not 1.5",
                errors.get(6).message());
    }

    @Test
    void sizingModesTakeOnlyTheirNumber() {
        assertEquals(
                List.of(
                        new FieldError(
                                "sizing.amount", "sizing.amount is needed for sizing fixed")),
                refused(
                        "{\"name\":\"A\",\"feed\":\"webhook\",\"allocation\":5,"
                                + "\"sizing\":{\"mode\":\"fixed\"}}"));
        assertEquals(
                List.of(
                        new FieldError(
                                "sizing.ratio", "sizing.ratio does not apply to sizing share")),
                refused(
                        "{\"name\":\"A\",\"feed\":\"webhook\",\"allocation\":5,"
                                + "\"sizing\":{\"mode\":\"share\",\"ratio\":1}}"));
        assertEquals(
                List.of(
                        new FieldError(
                                "sizing.mode", "sizing.mode is fixed, ratio or share, not 'half'")),
                refused(
                        "{\"name\":\"A\",\"feed\":\"webhook\",\"allocation\":5,"
                                + "\"sizing\":{\"mode\":\"half\"}}"));
    }

    @Test
    void rangesAreChecked() {
        List<FieldError> errors =
                refused(
                        "{\"name\":\"A\",\"feed\":\"webhook\",\"allocation\":0.000000001,"
                                + "\"sizing\":{\"mode\":\"share\"},\"copyStopLossPercent\":150,"
                                + "\"filters\":{\"minTradeSize\":500,\"maxTradeSize\":100,"
                                + "\"allowed\":[\"AAPL\"],\"denied\":[\"aapl\"]}}");

        assertEquals(
                List.of(
                        new FieldError("allocation", "allocation has at most 8 decimals"),
                        new FieldError(
                                "filters.denied",
                                "filters.denied names symbols also allowed: [AAPL]"),
                        new FieldError(
                                "filters.minTradeSize",
                                "filters.minTradeSize 500 is above filters.maxTradeSize 100"),
                        new FieldError(
                                "copyStopLossPercent",
                                "copyStopLossPercent is at most 100, not 150")),
                errors);
    }

    @Test
    void badExitRulesAreNamedByTheirPath() {
        List<FieldError> errors =
                refused(
                        "{\"name\":\"A\",\"feed\":\"webhook\",\"allocation\":5,"
                                + "\"sizing\":{\"mode\":\"share\"},\"rules\":{\"stopLos\":1}}");

        assertEquals(1, errors.size(), errors.toString());
        assertEquals("rules.stopLos", errors.get(0).field());
    }

    @Test
    void anEditReplacesTheFieldsItGivesAndKeepsTheOthers() {
        TraderSettings stored =
                TraderJson.create(
                        json(
                                "{\"name\":\"Alice\",\"feed\":\"webhook\",\"allocation\":10000,"
                                        + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5},"
                                        + "\"caps\":{\"perTrade\":100},\"paper\":true}"));

        TraderJson.Edit edit =
                TraderJson.edit(
                        7,
                        stored,
                        json(
                                "{\"id\":7,\"version\":2,\"allocation\":20000,"
                                        + "\"sizing\":{\"mode\":\"fixed\",\"amount\":1000},"
                                        + "\"caps\":null}"));

        assertEquals(2L, edit.version());
        assertEquals(new BigDecimal("20000"), edit.settings().allocation());
        assertEquals(Sizing.fixed(new BigDecimal("1000")), edit.settings().sizing());
        assertEquals(Caps.NONE, edit.settings().caps(), "null clears");
        assertEquals(true, edit.settings().paper(), "kept");
        assertEquals("Alice", edit.settings().name(), "kept");
        assertNull(TraderJson.edit(7, stored, json("{}")).version());
    }

    @Test
    void anEditCannotChangeTheIdNorClearANeededField() {
        TraderSettings stored = TraderJson.create(json(ALICE));

        InvalidTraderException e =
                assertThrows(
                        InvalidTraderException.class,
                        () ->
                                TraderJson.edit(
                                        7,
                                        stored,
                                        json("{\"id\":8,\"allocation\":null,\"secret\":\"x\"}")));

        assertEquals(
                List.of("secret", "id", "allocation"),
                e.errors().stream().map(FieldError::field).toList());
        assertEquals("invalid_trader", e.code());
        assertEquals(400, e.status());
    }

    @Test
    void anIbkrTraderNamesItsLeadersAccountAndNoOtherFeedMay() {
        TraderSettings bob =
                TraderJson.create(
                        json(
                                "{\"name\":\"Bob\",\"feed\":\"ibkr\",\"allocation\":10000,"
                                        + "\"sizing\":{\"mode\":\"share\"},"
                                        + "\"feedAccount\":\"U1234567\"}"));
        assertEquals("U1234567", bob.feedAccount());
        assertEquals("U1234567", TraderJson.settings(bob).getString("feedAccount"));
        assertFalse(
                TraderJson.settings(TraderJson.create(json(ALICE))).containsKey("feedAccount"),
                "written only when set");

        assertEquals(
                List.of(
                        new FieldError(
                                "feedAccount",
                                "feedAccount is only for feed ibkr (the leader's IB account), not"
                                        + " for webhook")),
                refused(
                        "{\"name\":\"A\",\"feed\":\"webhook\",\"allocation\":5,"
                                + "\"sizing\":{\"mode\":\"share\"},\"feedAccount\":\"U1\"}"));
        assertEquals(
                List.of(
                        new FieldError(
                                "feedAccount",
                                "feedAccount is an IB account code such as U1234567, not"
                                        + " 'u-1'")),
                refused(
                        "{\"name\":\"A\",\"feed\":\"ibkr\",\"allocation\":5,"
                                + "\"sizing\":{\"mode\":\"share\"},\"feedAccount\":\"u-1\"}"));

        TraderJson.Edit moved = TraderJson.edit(7, bob, json("{\"feed\":\"webhook\"}"));
        assertEquals("webhook", moved.settings().feed());
        assertNull(moved.settings().feedAccount(), "moving off ibkr drops the account");
        assertEquals(
                "DU42",
                TraderJson.edit(7, bob, json("{\"feedAccount\":\"DU42\"}"))
                        .settings()
                        .feedAccount());
    }

    @Test
    void sizingIsDescribedAsThePageShowsIt() {
        assertEquals("fixed 1000", TraderJson.describe(Sizing.fixed(new BigDecimal("1000.00"))));
        assertEquals("ratio 0.5", TraderJson.describe(Sizing.ratio(new BigDecimal("0.50"))));
        assertEquals("share", TraderJson.describe(new Sizing(SizingMode.SHARE, null, null)));
    }

    private static List<FieldError> refused(String body) {
        return assertThrows(InvalidTraderException.class, () -> TraderJson.create(json(body)))
                .errors();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
