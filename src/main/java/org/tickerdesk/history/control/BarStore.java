package org.tickerdesk.history.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.StoredBar;
import org.tickerdesk.history.entity.WhatToShow;

/**
 * The stored bars. A bar is keyed by instrument, bar size, series and start time: storing one again
 * overwrites it with what was fetched last (IB revises the bar that was still forming), so writing
 * a window twice is harmless. Writes go in statements of up to {@value #ROWS_PER_STATEMENT} bars.
 */
@Stateless
public class BarStore {

    static final int ROWS_PER_STATEMENT = 1000;

    static final String UPSERT =
            """
            INSERT INTO bars (instrument_id, bar_size, what_to_show, start_time, open, high, low, close,
                              volume, wap, bar_count, source, fetched_at)
            SELECT ?1, ?2, ?3, b.start_time, b.open, b.high, b.low, b.close, b.volume, b.wap, b.bar_count,
                   ?4, CAST(?5 AS TIMESTAMPTZ)
            FROM unnest(CAST(?6 AS TIMESTAMPTZ[]), CAST(?7 AS NUMERIC[]), CAST(?8 AS NUMERIC[]),
                        CAST(?9 AS NUMERIC[]), CAST(?10 AS NUMERIC[]), CAST(?11 AS NUMERIC[]),
                        CAST(?12 AS NUMERIC[]), CAST(?13 AS INTEGER[]))
                 AS b (start_time, open, high, low, close, volume, wap, bar_count)
            ON CONFLICT (instrument_id, bar_size, what_to_show, start_time) DO UPDATE SET
                open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                volume = EXCLUDED.volume, wap = EXCLUDED.wap, bar_count = EXCLUDED.bar_count,
                source = EXCLUDED.source, fetched_at = EXCLUDED.fetched_at
            """;

    static final String RANGE =
            """
            SELECT start_time, open, high, low, close, volume, wap, bar_count, source, fetched_at
            FROM bars
            WHERE instrument_id = ?1 AND bar_size = ?2 AND what_to_show = ?3
              AND start_time >= CAST(?4 AS TIMESTAMPTZ) AND start_time < CAST(?5 AS TIMESTAMPTZ)
            ORDER BY start_time
            LIMIT ?6
            """;

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    /**
     * Stores the bars of one series; returns how many distinct bars (by start) are now stored from
     * them.
     */
    public int upsert(
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            String source,
            Instant fetchedAt,
            List<Bar> bars) {
        int stored = 0;
        for (BarColumns columns : BarColumns.of(bars, ROWS_PER_STATEMENT)) {
            stored +=
                    bind(
                                    em.createNativeQuery(UPSERT),
                                    upsertParameters(
                                            instrumentId,
                                            barSize,
                                            whatToShow,
                                            source,
                                            fetchedAt,
                                            columns))
                            .executeUpdate();
        }
        return stored;
    }

    /** The start of the newest stored bar of a series, if any. */
    public Optional<Instant> lastStart(long instrumentId, BarSize barSize, WhatToShow whatToShow) {
        Object last =
                em.createNativeQuery(
                                "SELECT max(start_time) FROM bars WHERE instrument_id = ?1 AND"
                                        + " bar_size = ?2 AND what_to_show = ?3")
                        .setParameter(1, instrumentId)
                        .setParameter(2, barSize.label())
                        .setParameter(3, whatToShow.name())
                        .getSingleResult();
        return last == null ? Optional.empty() : Optional.of(instant(last));
    }

    /** The stored bars a query asks for, oldest first. */
    public List<StoredBar> range(long instrumentId, BarQuery query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                bind(em.createNativeQuery(RANGE), rangeParameters(instrumentId, query))
                        .getResultList();
        return rows.stream().map(BarStore::row).toList();
    }

    static List<Object> upsertParameters(
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            String source,
            Instant fetchedAt,
            BarColumns columns) {
        return List.of(
                instrumentId,
                barSize.label(),
                whatToShow.name(),
                source,
                fetchedAt.toString(),
                columns.starts(),
                columns.opens(),
                columns.highs(),
                columns.lows(),
                columns.closes(),
                columns.volumes(),
                columns.waps(),
                columns.counts());
    }

    /**
     * Open ends become PostgreSQL's -infinity and infinity, so one statement serves every query.
     */
    static List<Object> rangeParameters(long instrumentId, BarQuery query) {
        return List.of(
                instrumentId,
                query.barSize().label(),
                query.whatToShow().name(),
                query.from() == null ? "-infinity" : query.from().toString(),
                query.to() == null ? "infinity" : query.to().toString(),
                query.limit());
    }

    static StoredBar row(Object[] r) {
        Integer count = r[7] == null ? null : ((Number) r[7]).intValue();
        Bar bar =
                new Bar(
                        instant(r[0]),
                        (BigDecimal) r[1],
                        (BigDecimal) r[2],
                        (BigDecimal) r[3],
                        (BigDecimal) r[4],
                        (BigDecimal) r[5],
                        (BigDecimal) r[6],
                        count);
        return new StoredBar(bar, (String) r[8], instant(r[9]));
    }

    /**
     * The PostgreSQL driver reads timestamptz as a Timestamp; a java.time-aware layer may hand an
     * OffsetDateTime.
     */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        throw new IllegalStateException("A timestamptz column was read as " + value);
    }

    private static Query bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
