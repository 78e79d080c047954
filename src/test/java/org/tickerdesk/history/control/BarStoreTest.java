package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.Bar;

/**
 * The shape of the bar store's SQL and the text it copies; {@link BarStoreContainerIT} runs them on
 * PostgreSQL.
 */
class BarStoreTest {

    private static final Instant T0 = Instant.parse("2025-11-20T14:30:00Z");

    private static Bar bar(Instant start, String close, String volume, Integer count) {
        BigDecimal c = new BigDecimal(close);
        return new Bar(
                start, c, c, c, c, volume == null ? null : new BigDecimal(volume), null, count);
    }

    private static String flat(String sql) {
        return sql.replaceAll("\\s+", " ");
    }

    @Test
    void barsAreStagedInATemporaryTableWhoseRowsEndWithTheTransaction() {
        String stage = flat(BarStore.STAGE);
        assertTrue(stage.startsWith("CREATE TEMP TABLE IF NOT EXISTS bar_stage ("), stage);
        assertTrue(stage.endsWith(") ON COMMIT DELETE ROWS "), stage);
        assertEquals(
                "COPY bar_stage (start_time, open, high, low, close, volume, wap, bar_count) FROM"
                        + " STDIN",
                BarStore.COPY);
    }

    @Test
    void oneStatementEmptiesTheStageIntoBarsKeyedByInstrumentBarSizeSeriesAndStart() {
        String move = flat(BarStore.MOVE);
        assertTrue(move.startsWith("WITH staged AS (DELETE FROM bar_stage RETURNING *)"), move);
        assertTrue(move.contains("FROM staged"), move);
        assertTrue(
                move.contains(
                        "ON CONFLICT (instrument_id, bar_size, what_to_show, start_time) DO UPDATE"
                                + " SET"),
                move);
        for (String column :
                List.of(
                        "open",
                        "high",
                        "low",
                        "close",
                        "volume",
                        "wap",
                        "bar_count",
                        "source",
                        "fetched_at")) {
            assertTrue(move.contains(column + " = EXCLUDED." + column), column);
        }
        assertEquals(5, move.chars().filter(c -> c == '?').count(), move);
    }

    @Test
    void eachBarIsOneTabSeparatedLineWithItsDecimalsAsSentAndNullsAsBackslashN() {
        Bar full =
                new Bar(
                        T0,
                        new BigDecimal("189.10"),
                        new BigDecimal("189.6"),
                        new BigDecimal("189.00000001"),
                        new BigDecimal("189.5"),
                        new BigDecimal("12000"),
                        new BigDecimal("189.31234567"),
                        95);
        Bar sparse = bar(T0.plusSeconds(60), "1E+2", null, null);
        StagedBars staged = StagedBars.of(List.of(full, sparse));
        assertEquals(2, staged.count());
        assertEquals(
                "2025-11-20T14:30:00Z\t189.10\t189.6\t189.00000001\t189.5\t12000\t189.31234567"
                        + "\t95\n"
                        + "2025-11-20T14:31:00Z\t100\t100\t100\t100\t\\N\t\\N\t\\N\n",
                staged.asText());
    }

    @Test
    void aPriceWithMoreDigitsThanADoubleHoldsTravelsExactly() {
        StagedBars staged = StagedBars.of(List.of(bar(T0, "12345678901.12345678", null, null)));
        assertTrue(staged.asText().contains("\t12345678901.12345678\t"), staged.asText());
    }

    @Test
    void aStartTwiceInOneCallIsStagedOnceAsItsLastBarInItsFirstPlace() {
        StagedBars staged =
                StagedBars.of(
                        List.of(
                                bar(T0, "1", null, null),
                                bar(T0.plusSeconds(60), "2", null, null),
                                bar(T0, "3", "7", 1)));
        assertEquals(2, staged.count());
        assertEquals(
                "2025-11-20T14:30:00Z\t3\t3\t3\t3\t7\t\\N\t1\n"
                        + "2025-11-20T14:31:00Z\t2\t2\t2\t2\t\\N\t\\N\t\\N\n",
                staged.asText());
    }

    @Test
    void aWindowIntoAnEmptyStretchIsCopiedStraightIntoBarsWithTheSeriesKeyAndSourceOnEachLine() {
        assertEquals(
                "COPY bars (instrument_id, bar_size, what_to_show, start_time, open, high, low,"
                        + " close, volume, wap, bar_count, source, fetched_at) FROM STDIN",
                BarStore.INSERT);
        StagedBars staged =
                StagedBars.of(
                        List.of(
                                bar(T0, "189.5", "12000", 95),
                                bar(T0.plusSeconds(60), "189.25", null, null)));
        assertEquals(
                "7\t1m\tTRADES\t2025-11-20T14:30:00Z\t189.5\t189.5\t189.5\t189.5\t12000\t\\N"
                        + "\t95\tyahoo\t2025-11-20T21:00:00Z\n"
                        + "7\t1m\tTRADES\t2025-11-20T14:31:00Z\t189.25\t189.25\t189.25\t189.25"
                        + "\t\\N\t\\N\t\\N\tyahoo\t2025-11-20T21:00:00Z\n",
                new String(
                        staged.text("7\t1m\tTRADES\t", "\tyahoo\t2025-11-20T21:00:00Z"),
                        StandardCharsets.US_ASCII));
        assertEquals(T0, staged.first());
        assertEquals(T0.plusSeconds(60), staged.last());
    }

    @Test
    void theFirstAndLastStartAreFoundWhateverTheOrderOfTheBars() {
        StagedBars staged =
                StagedBars.of(
                        List.of(
                                bar(T0.plusSeconds(120), "1", null, null),
                                bar(T0, "2", null, null),
                                bar(T0.plusSeconds(60), "3", null, null)));
        assertEquals(3, staged.count());
        assertEquals(T0, staged.first());
        assertEquals(T0.plusSeconds(120), staged.last());
    }

    @Test
    void writersOfOneInstrumentTakeTurnsAndLookForStoredBarsWithinTheWindowsStarts() {
        assertEquals("SELECT pg_advisory_xact_lock(?, ?)", BarStore.LOCK);
        String occupied = flat(BarStore.OCCUPIED);
        assertTrue(
                occupied.contains("EXISTS (SELECT 1 FROM instruments WHERE id = ? FOR KEY SHARE)"),
                occupied);
        assertTrue(occupied.contains("AND start_time BETWEEN ? AND ?"), occupied);
        assertEquals(6, occupied.chars().filter(c -> c == '?').count(), occupied);
    }

    @Test
    void aSourceNameThatCOPYWouldReadAsSeveralColumnsIsRefused() {
        assertEquals("simulated", BarStore.copyValue("simulated"));
        for (String bad : List.of("", "a\tb", "a b", "back\\slash", "line\n")) {
            assertThrows(IllegalArgumentException.class, () -> BarStore.copyValue(bad), bad);
        }
    }

    @Test
    void fillingInMovesTheStageAsTheUpsertDoesButLeavesStoredBars() {
        String missing = flat(BarStore.MOVE_MISSING);
        assertTrue(
                missing.startsWith("WITH staged AS (DELETE FROM bar_stage RETURNING *)"), missing);
        assertTrue(
                missing.endsWith(
                        "ON CONFLICT (instrument_id, bar_size, what_to_show, start_time) DO NOTHING"
                                + " "),
                missing);
        assertEquals(5, missing.chars().filter(c -> c == '?').count(), missing);
    }

    @Test
    void openEndsOfARangeAreInfinite() {
        assertEquals("-infinity", BarStore.from(null));
        assertEquals("infinity", BarStore.to(null));
        assertEquals("2025-11-20T14:30:00Z", BarStore.from(T0));
    }

    @Test
    void theFirstAndLastStartAreOneProbeOfTheKeyEachWay() {
        assertTrue(BarStore.FIRST_START.endsWith("ORDER BY start_time LIMIT 1"));
        assertTrue(BarStore.LAST_START.endsWith("ORDER BY start_time DESC LIMIT 1"));
    }

    @Test
    void theSpanIsReadDayByDayFirstAsEachUtcDaysEndsAndCount() {
        String days = flat(BarStore.DAYS);
        assertTrue(days.startsWith("SELECT min(start_time), max(start_time), count(*) FROM bars"));
        assertTrue(
                days.endsWith(
                        "GROUP BY date_trunc('day', start_time AT TIME ZONE 'UTC') ORDER BY 1 "),
                days);
    }

    @Test
    void theSpanReturnsOnlyTheFirstTheLastAndTheRowsBeforeAHole() {
        String span = flat(BarStore.SPAN);
        assertTrue(span.contains("lead(start_time) OVER (ORDER BY start_time) AS next_start"));
        assertTrue(
                span.contains(
                        "WHERE n = 1 OR next_start IS NULL OR next_start > start_time + CAST(? AS"
                                + " INTERVAL)"),
                span);
    }
}
