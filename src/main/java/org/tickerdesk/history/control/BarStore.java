package org.tickerdesk.history.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.PersistenceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.PgResultSet;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.SeriesSpan;
import org.tickerdesk.history.entity.StoredBar;
import org.tickerdesk.history.entity.StoredCandles;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.history.entity.WhatToShow;

/**
 * The stored bars. A bar is keyed by instrument, bar size, series and start time: storing one again
 * overwrites it with what was fetched last (IB revises the bar that was still forming), so writing
 * a window twice leaves the same rows.
 *
 * <p>A window is written in three or four round trips whatever its length, in the caller's JTA
 * transaction (the pool hands every user in one transaction the same connection), so it is stored
 * whole or not at all. The writer first takes a transaction lock on the instrument, so that two
 * writers of one instrument take turns, and asks whether any bar of the series is stored between
 * the window's first and last start. Into an empty stretch, the common case of a collection, the
 * bars are copied straight into {@code bars} with PostgreSQL's COPY, the fastest way in. Otherwise
 * they are copied into a temporary staging table of the connection (no WAL) and one upsert moves
 * them into {@code bars}, overwriting what is there.
 *
 * <p>{@code bars} has no foreign key to {@code instruments}: its check ran once per row and was a
 * third of a window's cost in PostgreSQL. The writer checks the instrument once per window instead,
 * and holds its row against deletion until the window commits, which is the same guarantee for the
 * only way bars are written.
 *
 * <p>Reads are plain JDBC on the same pool, outside any transaction unless the caller has one: they
 * are single statements, and a chart asks for them often.
 */
@Stateless
public class BarStore {

    /**
     * The connection's staging table. It lives as long as the pooled connection; its rows as long
     * as the transaction (ON COMMIT DELETE ROWS), and the move empties it within the transaction,
     * so a second window in the same transaction starts from an empty table.
     */
    static final String STAGE =
            """
            CREATE TEMP TABLE IF NOT EXISTS bar_stage (
                start_time TIMESTAMPTZ NOT NULL, open NUMERIC NOT NULL, high NUMERIC NOT NULL,
                low NUMERIC NOT NULL, close NUMERIC NOT NULL, volume NUMERIC, wap NUMERIC,
                bar_count INTEGER
            ) ON COMMIT DELETE ROWS
            """;

    /** The two-key advisory locks of bar writers, one per instrument: "bars" in ASCII. */
    static final int LOCK_CLASS = 0x62617273;

    static final String LOCK = "SELECT pg_advisory_xact_lock(?, ?)";

    static final String OCCUPIED =
            """
            SELECT EXISTS (SELECT 1 FROM instruments WHERE id = ? FOR KEY SHARE),
                   EXISTS (SELECT 1 FROM bars
                           WHERE instrument_id = ? AND bar_size = ? AND what_to_show = ?
                             AND start_time BETWEEN ? AND ?)
            """;

    static final String INSERT =
            "COPY bars (instrument_id, bar_size, what_to_show, start_time, open, high, low, close,"
                    + " volume, wap, bar_count, source, fetched_at) FROM STDIN";

    static final String COPY =
            "COPY bar_stage (start_time, open, high, low, close, volume, wap, bar_count) FROM"
                    + " STDIN";

    /**
     * Takes the staged rows out of the staging table and upserts them in one statement. The staged
     * starts are distinct ({@link StagedBars}), as ON CONFLICT DO UPDATE requires.
     */
    static final String MOVE =
            """
            WITH staged AS (DELETE FROM bar_stage RETURNING *)
            INSERT INTO bars (instrument_id, bar_size, what_to_show, start_time, open, high, low, close,
                              volume, wap, bar_count, source, fetched_at)
            SELECT ?, ?, ?, start_time, open, high, low, close, volume, wap, bar_count, ?, ?
            FROM staged
            ON CONFLICT (instrument_id, bar_size, what_to_show, start_time) DO UPDATE SET
                open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                volume = EXCLUDED.volume, wap = EXCLUDED.wap, bar_count = EXCLUDED.bar_count,
                source = EXCLUDED.source, fetched_at = EXCLUDED.fetched_at
            """;

    /** As {@link #MOVE}, but a bar already stored stays as it is. */
    static final String MOVE_MISSING =
            MOVE.substring(0, MOVE.indexOf("ON CONFLICT"))
                    + "ON CONFLICT (instrument_id, bar_size, what_to_show, start_time) DO"
                    + " NOTHING\n";

    static final String SERIES = "instrument_id = ? AND bar_size = ? AND what_to_show = ?";

    static final String COLUMNS =
            "start_time, open, high, low, close, volume, wap, bar_count, source, fetched_at";

    static final String RANGE =
            "SELECT "
                    + COLUMNS
                    + " FROM bars WHERE "
                    + SERIES
                    + " AND start_time >= CAST(? AS TIMESTAMPTZ) AND start_time <"
                    + " CAST(? AS TIMESTAMPTZ) ORDER BY start_time LIMIT ?";

    static final String LATEST =
            "SELECT "
                    + COLUMNS
                    + " FROM bars WHERE "
                    + SERIES
                    + " AND start_time >= CAST(? AS TIMESTAMPTZ) AND start_time <"
                    + " CAST(? AS TIMESTAMPTZ) ORDER BY start_time DESC LIMIT ?";

    /**
     * What a chart needs of a range, shaped by PostgreSQL: the start as epoch milliseconds and the
     * decimals as text without trailing zeros, so serving a day of candles builds no timestamps and
     * no {@link java.math.BigDecimal}s, which made up most of its time and garbage.
     */
    /** One bar as the JSON object {@link StoredCandles} holds. */
    static final String CANDLE_JSON =
            "'{\"t\":' || (extract(epoch FROM start_time) * 1000)::bigint || ',\"o\":' ||"
                    + " trim_scale(open)::text || ',\"h\":' || trim_scale(high)::text ||"
                    + " ',\"l\":' || trim_scale(low)::text || ',\"c\":' ||"
                    + " trim_scale(close)::text || ',\"v\":' || coalesce(trim_scale(volume)::text,"
                    + " 'null') || '}'";

    static final String CANDLES = candles("ORDER BY start_time");

    static final String LATEST_CANDLES = candles("ORDER BY start_time DESC");

    private static String candles(String order) {
        return "SELECT count(*), coalesce(string_agg("
                + CANDLE_JSON
                + ", ',' ORDER BY start_time), '') FROM (SELECT start_time, open, high, low,"
                + " close, volume FROM bars WHERE "
                + SERIES
                + " AND start_time >= CAST(? AS TIMESTAMPTZ) AND start_time < CAST(? AS"
                + " TIMESTAMPTZ) "
                + order
                + " LIMIT ?) chosen";
    }

    static final String FIRST_START =
            "SELECT start_time FROM bars WHERE " + SERIES + " ORDER BY start_time LIMIT 1";

    static final String LAST_START =
            "SELECT start_time FROM bars WHERE " + SERIES + " ORDER BY start_time DESC LIMIT 1";

    /**
     * A series in a range day by day (UTC days): each day's first and last start and how many bars
     * it has. A day whose count is its first-to-last stretch in bars has no hole inside, and holes
     * between days are where one day's last bar ends before the next day's first; so complete data,
     * the common case, is read in one aggregating pass over the index, a few hundred rows out.
     */
    static final String DAYS =
            """
            SELECT min(start_time), max(start_time), count(*)
            FROM bars
            WHERE instrument_id = ? AND bar_size = ? AND what_to_show = ?
              AND start_time >= CAST(? AS TIMESTAMPTZ) AND start_time < CAST(? AS TIMESTAMPTZ)
            GROUP BY date_trunc('day', start_time AT TIME ZONE 'UTC')
            ORDER BY 1
            """;

    /**
     * The shape of a series in a range when some day has a hole inside: its first row (n = 1), its
     * last (no next; its row number is the count), and every row followed by a hole longer than one
     * step. It reads the same index entries as {@link #DAYS}, at about three times the cost of the
     * window functions, so it is kept for the days that need it.
     */
    static final String SPAN =
            """
            SELECT start_time, next_start, n FROM (
                SELECT start_time,
                       lead(start_time) OVER (ORDER BY start_time) AS next_start,
                       row_number() OVER (ORDER BY start_time) AS n
                FROM bars
                WHERE instrument_id = ? AND bar_size = ? AND what_to_show = ?
                  AND start_time >= CAST(? AS TIMESTAMPTZ) AND start_time < CAST(? AS TIMESTAMPTZ)
            ) s
            WHERE n = 1 OR next_start IS NULL OR next_start > start_time + CAST(? AS INTERVAL)
            ORDER BY start_time
            """;

    static final String STARTS =
            "SELECT start_time FROM bars WHERE "
                    + SERIES
                    + " AND start_time >= CAST(? AS TIMESTAMPTZ) AND start_time <"
                    + " CAST(? AS TIMESTAMPTZ) ORDER BY start_time";

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    /**
     * Stores the bars of one series in the caller's transaction, the last of several with the same
     * start winning; returns how many distinct bars (by start) are now stored from them. Fails with
     * a {@link PersistenceException} when the database refuses any bar (a price beyond NUMERIC(19,
     * 8)), and then none of them is stored.
     */
    public int upsert(
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            String source,
            Instant fetchedAt,
            List<Bar> bars) {
        return store(instrumentId, barSize, whatToShow, source, fetchedAt, bars, MOVE);
    }

    /**
     * Stores the bars of one series that are not stored yet, in the caller's transaction, and
     * leaves those that are: a source's own bars are not overwritten by candles made here from its
     * ticks. Returns how many were added.
     */
    public int fillIn(
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            String source,
            Instant fetchedAt,
            List<Bar> bars) {
        return store(instrumentId, barSize, whatToShow, source, fetchedAt, bars, MOVE_MISSING);
    }

    private int store(
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            String source,
            Instant fetchedAt,
            List<Bar> bars,
            String move) {
        if (bars.isEmpty()) {
            return 0;
        }
        StagedBars staged = StagedBars.of(bars);
        try (Connection connection = database.getConnection()) {
            lockSeries(connection, instrumentId);
            if (occupied(connection, instrumentId, barSize, whatToShow, staged)) {
                return stageAndMove(
                        connection,
                        move,
                        instrumentId,
                        barSize,
                        whatToShow,
                        source,
                        fetchedAt,
                        staged);
            }
            copyIn(
                    connection,
                    INSERT,
                    staged.text(
                            instrumentId + "\t" + barSize.label() + "\t" + whatToShow.name() + "\t",
                            "\t" + copyValue(source) + "\t" + fetchedAt));
            return staged.count();
        } catch (SQLException | IOException e) {
            throw new PersistenceException(
                    "Storing "
                            + staged.count()
                            + " "
                            + barSize.label()
                            + " "
                            + whatToShow
                            + " bars of instrument "
                            + instrumentId
                            + " failed: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Waits for any other writer of the instrument's bars to commit, so that what {@link #occupied}
     * finds stays true until this transaction ends.
     */
    private static void lockSeries(Connection connection, long instrumentId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, Long.hashCode(instrumentId));
            lock.execute();
        }
    }

    /**
     * Whether any bar of the series is stored between the window's first and last start, after
     * checking (and holding against deletion) that the instrument exists, as a foreign key would
     * for every row.
     */
    private static boolean occupied(
            Connection connection,
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            StagedBars staged)
            throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(OCCUPIED)) {
            check.setLong(1, instrumentId);
            check.setLong(2, instrumentId);
            check.setString(3, barSize.label());
            check.setString(4, whatToShow.name());
            check.setObject(5, OffsetDateTime.ofInstant(staged.first(), ZoneOffset.UTC));
            check.setObject(6, OffsetDateTime.ofInstant(staged.last(), ZoneOffset.UTC));
            try (ResultSet row = check.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    throw new SQLException("there is no instrument " + instrumentId);
                }
                return row.getBoolean(2);
            }
        }
    }

    private static int stageAndMove(
            Connection connection,
            String moveStatement,
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            String source,
            Instant fetchedAt,
            StagedBars staged)
            throws SQLException, IOException {
        try (Statement stage = connection.createStatement()) {
            stage.execute(STAGE);
        }
        copyIn(connection, COPY, staged.copyText());
        try (PreparedStatement move = connection.prepareStatement(moveStatement)) {
            move.setLong(1, instrumentId);
            move.setString(2, barSize.label());
            move.setString(3, whatToShow.name());
            move.setString(4, source);
            move.setObject(5, OffsetDateTime.ofInstant(fetchedAt, ZoneOffset.UTC));
            return move.executeUpdate();
        }
    }

    private static void copyIn(Connection connection, String copy, byte[] text)
            throws SQLException, IOException {
        connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(copy, new ByteArrayInputStream(text));
    }

    /** A source's name as a COPY text value; names are plain words, anything else is refused. */
    static String copyValue(String source) {
        if (source.isEmpty() || !source.chars().allMatch(c -> c > ' ' && c < 127 && c != '\\')) {
            throw new IllegalArgumentException("A bar source is named in plain letters: " + source);
        }
        return source;
    }

    /** The stored bars a query asks for, oldest first from its start. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StoredBar> range(long instrumentId, BarQuery query) {
        return read(
                RANGE,
                instrumentId,
                query.barSize(),
                query.whatToShow(),
                from(query.from()),
                to(query.to()),
                query.limit());
    }

    /**
     * The latest {@code limit} bars of a series starting at or after {@code from} and before {@code
     * to} (either open when null), oldest first: what a chart shows last.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StoredBar> latest(
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            Instant from,
            Instant to,
            int limit) {
        List<StoredBar> newestFirst =
                read(LATEST, instrumentId, barSize, whatToShow, from(from), to(to), limit);
        List<StoredBar> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * The stored bars of a range as candles, oldest first: with {@code latest}, the last {@code
     * limit} of the range; otherwise the first {@code limit} from its start. Either end may be open
     * (null).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StoredCandles candles(
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            Instant from,
            Instant to,
            int limit,
            boolean latest) {
        try (Connection connection = database.getConnection();
                PreparedStatement query =
                        connection.prepareStatement(latest ? LATEST_CANDLES : CANDLES)) {
            series(query, instrumentId, barSize, whatToShow);
            query.setString(4, from(from));
            query.setString(5, to(to));
            query.setInt(6, limit);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new StoredCandles(rows.getInt(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw failed("Reading candles of", instrumentId, barSize, whatToShow, e);
        }
    }

    /** When the series' first bar starts; one probe of the primary key's index. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> firstStart(long instrumentId, BarSize barSize, WhatToShow whatToShow) {
        return oneStart(FIRST_START, instrumentId, barSize, whatToShow);
    }

    /** When the series' last bar starts; one probe of the primary key's index. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> lastStart(long instrumentId, BarSize barSize, WhatToShow whatToShow) {
        return oneStart(LAST_START, instrumentId, barSize, whatToShow);
    }

    /**
     * How many bars of the series start in the range, the first and last of them, and the holes
     * between stored bars longer than one bar: each from the end of the bar before it (its start
     * plus one bar length) to the start of the next stored bar.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SeriesSpan span(
            long instrumentId, BarSize barSize, WhatToShow whatToShow, TimeRange range) {
        try (Connection connection = database.getConnection()) {
            List<Instant[]> days = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(DAYS)) {
                series(query, instrumentId, barSize, whatToShow);
                query.setString(4, range.from().toString());
                query.setString(5, range.to().toString());
                try (ResultSet rows = driver(query.executeQuery())) {
                    while (rows.next()) {
                        days.add(new Instant[] {instant(rows, 1), instant(rows, 2)});
                        counts.add(rows.getLong(3));
                    }
                }
            }
            Optional<SeriesSpan> byDays = SeriesDays.span(days, counts, barSize);
            return byDays.isPresent()
                    ? byDays.get()
                    : span(connection, instrumentId, barSize, whatToShow, range);
        } catch (SQLException e) {
            throw failed("Reading the span of", instrumentId, barSize, whatToShow, e);
        }
    }

    private static SeriesSpan span(
            Connection connection,
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            TimeRange range)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SPAN)) {
            series(query, instrumentId, barSize, whatToShow);
            query.setString(4, range.from().toString());
            query.setString(5, range.to().toString());
            query.setString(6, barSize.length().getSeconds() + " seconds");
            long count = 0;
            Instant first = null;
            Instant last = null;
            List<TimeRange> holes = new ArrayList<>();
            try (ResultSet rows = driver(query.executeQuery())) {
                while (rows.next()) {
                    Instant start = instant(rows, 1);
                    Instant next = rows.getObject(2) == null ? null : instant(rows, 2);
                    if (rows.getLong(3) == 1) {
                        first = start;
                    }
                    if (next == null) {
                        last = start;
                        count = rows.getLong(3);
                    } else if (next.isAfter(start.plus(barSize.length()))) {
                        holes.add(new TimeRange(start.plus(barSize.length()), next));
                    }
                }
            }
            return new SeriesSpan(count, first, last, holes);
        }
    }

    /**
     * Every start of the series in the range, oldest first. Meant for daily and longer bars, of
     * which even decades are a few thousand; shorter ones are read as a {@link #span}.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Instant> starts(
            long instrumentId, BarSize barSize, WhatToShow whatToShow, TimeRange range) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(STARTS)) {
            series(query, instrumentId, barSize, whatToShow);
            query.setString(4, range.from().toString());
            query.setString(5, range.to().toString());
            List<Instant> starts = new ArrayList<>();
            try (ResultSet rows = driver(query.executeQuery())) {
                while (rows.next()) {
                    starts.add(instant(rows, 1));
                }
            }
            return starts;
        } catch (SQLException e) {
            throw failed("Reading the starts of", instrumentId, barSize, whatToShow, e);
        }
    }

    private List<StoredBar> read(
            String sql,
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            String from,
            String to,
            int limit) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            series(query, instrumentId, barSize, whatToShow);
            query.setString(4, from);
            query.setString(5, to);
            query.setInt(6, limit);
            List<StoredBar> bars = new ArrayList<>(Math.min(limit, 4096));
            try (ResultSet rows = driver(query.executeQuery())) {
                while (rows.next()) {
                    bars.add(row(rows));
                }
            }
            return bars;
        } catch (SQLException e) {
            throw failed("Reading", instrumentId, barSize, whatToShow, e);
        }
    }

    private Optional<Instant> oneStart(
            String sql, long instrumentId, BarSize barSize, WhatToShow whatToShow) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            series(query, instrumentId, barSize, whatToShow);
            try (ResultSet rows = driver(query.executeQuery())) {
                return rows.next() ? Optional.of(instant(rows, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("Reading", instrumentId, barSize, whatToShow, e);
        }
    }

    private static void series(
            PreparedStatement query, long instrumentId, BarSize barSize, WhatToShow whatToShow)
            throws SQLException {
        query.setLong(1, instrumentId);
        query.setString(2, barSize.label());
        query.setString(3, whatToShow.name());
    }

    /**
     * Open ends become PostgreSQL's -infinity and infinity, so one statement serves every query.
     */
    static String from(Instant from) {
        return from == null ? "-infinity" : from.toString();
    }

    static String to(Instant to) {
        return to == null ? "infinity" : to.toString();
    }

    static StoredBar row(ResultSet rows) throws SQLException {
        Object count = rows.getObject(8);
        Bar bar =
                new Bar(
                        instant(rows, 1),
                        rows.getBigDecimal(2),
                        rows.getBigDecimal(3),
                        rows.getBigDecimal(4),
                        rows.getBigDecimal(5),
                        rows.getBigDecimal(6),
                        rows.getBigDecimal(7),
                        count == null ? null : ((Number) count).intValue());
        return new StoredBar(bar, rows.getString(9), instant(rows, 10));
    }

    /**
     * The driver's own result set behind the pool's wrapper, which answers {@code getObject(int,
     * Class)} by looking the method up through reflection on every call: that lookup was a sixth of
     * the server's time serving a day of candles.
     */
    static ResultSet driver(ResultSet rows) throws SQLException {
        return rows.unwrap(PgResultSet.class);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static PersistenceException failed(
            String what,
            long instrumentId,
            BarSize barSize,
            WhatToShow whatToShow,
            SQLException e) {
        return new PersistenceException(
                what
                        + " the "
                        + barSize.label()
                        + " "
                        + whatToShow
                        + " bars of instrument "
                        + instrumentId
                        + " failed: "
                        + e.getMessage(),
                e);
    }
}
