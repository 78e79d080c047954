package org.tickerdesk.marketdata.control;

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
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * The recorded ticks in PostgreSQL: a batch is written with one COPY in its own transaction, read
 * back by instrument and time, and deleted once older than the retention.
 */
@Stateless
public class TickStore {

    static final String RANGE =
            "SELECT (extract(epoch FROM ts) * 1000000)::bigint, bid, ask, last, bid_size,"
                    + " ask_size, last_size, volume, market_data_type FROM ticks WHERE"
                    + " instrument_id = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?";

    /** Deleted a slice at a time, so a long backlog never holds one huge transaction. */
    static final String EXPIRE =
            "DELETE FROM ticks WHERE ctid = ANY (ARRAY(SELECT ctid FROM ticks WHERE ts < ? LIMIT"
                    + " ?))";

    public static final int EXPIRE_SLICE = 50_000;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    /**
     * One batch, committed without waiting for the disk: a crash loses at most the ticks of the
     * last moment that PostgreSQL had not yet flushed, and five commits a second that each waited
     * for the disk were what a trader's committed change (a toggle, an exit) queued behind.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<Quote> ticks, long[] ids) {
        try (Connection connection = database.getConnection()) {
            try (Statement unflushed = connection.createStatement()) {
                unflushed.execute("SET LOCAL synchronous_commit TO OFF");
            }
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(TickText.COPY, new ByteArrayInputStream(TickText.of(ticks, ids)));
        } catch (SQLException | IOException e) {
            throw new PersistenceException(
                    "Recording " + ticks.size() + " ticks failed: " + e.getMessage(), e);
        }
    }

    /** The ticks of one instrument from {@code from} (inclusive) to {@code to}, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Quote> range(
            String symbol, long instrumentId, Instant from, Instant to, int limit) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(RANGE)) {
            query.setLong(1, instrumentId);
            query.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            query.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            query.setInt(4, limit);
            List<Quote> ticks = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ticks.add(
                            new Quote(
                                    symbol,
                                    price(rows, 2),
                                    price(rows, 3),
                                    price(rows, 4),
                                    rows.getLong(5),
                                    rows.getLong(6),
                                    rows.getLong(7),
                                    rows.getLong(8),
                                    rows.getLong(1),
                                    MarketDataType.valueOf(rows.getString(9))));
                }
            }
            return ticks;
        } catch (SQLException e) {
            throw new PersistenceException(
                    "Reading the ticks of " + symbol + " failed: " + e.getMessage(), e);
        }
    }

    /** Deletes up to one slice of ticks older than {@code before}; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expire(Instant before) {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement(EXPIRE)) {
            delete.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
            delete.setInt(2, EXPIRE_SLICE);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Deleting old ticks failed: " + e.getMessage(), e);
        }
    }

    private static double price(ResultSet rows, int column) throws SQLException {
        double price = rows.getDouble(column);
        return rows.wasNull() ? Double.NaN : price;
    }
}
