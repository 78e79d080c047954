package org.tickerdesk.copytrading.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.tickerdesk.copytrading.entity.StoredTrader;

/**
 * Turns a trader on when it was off and off when it was on in one autocommitted statement that
 * answers the row as it is now: one round trip to PostgreSQL, which commits (and waits for the
 * disk) before it answers. In a container transaction the update and the commit were two round
 * trips, and a flight recording of the toggle benchmark showed the request waiting on both. Two
 * toggles at once are two changes, never one lost.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TraderToggle {

    private static final String SQL =
            "UPDATE traders SET enabled = NOT enabled, updated_at = ?, version = version + 1 WHERE"
                + " id = ? RETURNING id, name, feed, enabled, paper, allocation, sizing_mode,"
                + " sizing_amount, sizing_ratio, cap_per_trade, cap_total_exposure,"
                + " cap_open_positions, allowed_symbols, denied_symbols, min_trade_size,"
                + " max_trade_size, max_delay_seconds, max_price_deviation_percent, copy_exits,"
                + " copy_stop_loss_percent, rules, webhook_secret, created_at, updated_at, version,"
                + " feed_account";

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    /**
     * @throws UnknownTraderException when there is no such trader
     */
    public StoredTrader toggle(long id, Instant at) {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(SQL)) {
            connection.setAutoCommit(true);
            update.setTimestamp(1, Timestamp.from(at));
            update.setLong(2, id);
            try (ResultSet row = update.executeQuery()) {
                if (!row.next()) {
                    throw new UnknownTraderException(id);
                }
                return stored(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Trader " + id + " could not be toggled: " + e.getMessage(), e);
        }
    }

    private static StoredTrader stored(ResultSet row) throws SQLException {
        return new StoredTrader(
                row.getLong("id"),
                row.getString("name"),
                row.getString("feed"),
                row.getBoolean("enabled"),
                row.getBoolean("paper"),
                row.getBigDecimal("allocation"),
                row.getString("sizing_mode"),
                row.getBigDecimal("sizing_amount"),
                row.getBigDecimal("sizing_ratio"),
                row.getBigDecimal("cap_per_trade"),
                row.getBigDecimal("cap_total_exposure"),
                row.getObject("cap_open_positions", Integer.class),
                row.getString("allowed_symbols"),
                row.getString("denied_symbols"),
                row.getBigDecimal("min_trade_size"),
                row.getBigDecimal("max_trade_size"),
                row.getObject("max_delay_seconds", Long.class),
                row.getBigDecimal("max_price_deviation_percent"),
                row.getBoolean("copy_exits"),
                row.getBigDecimal("copy_stop_loss_percent"),
                row.getString("rules"),
                row.getString("webhook_secret"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"),
                row.getString("feed_account"));
    }
}
