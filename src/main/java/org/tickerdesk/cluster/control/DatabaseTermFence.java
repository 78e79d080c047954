package org.tickerdesk.cluster.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Leadership terms in the PostgreSQL every member shares: one row, counted up by each new leader in
 * one autocommitted statement. A frozen leader that wakes in a grid that kept its old lock reads a
 * newer term here and steps down, whichever half the grid's merge favoured.
 */
final class DatabaseTermFence implements TermFence {

    private static final String CLAIM =
            "UPDATE cluster_leadership SET term = term + 1, member = ?, since = ? WHERE id = 1"
                    + " RETURNING term";

    private static final String NEWEST = "SELECT term FROM cluster_leadership WHERE id = 1";

    private final DataSource database;

    DatabaseTermFence(DataSource database) {
        this.database = database;
    }

    @Override
    public long claim(String member, Instant at) {
        try (Connection connection = database.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            connection.setAutoCommit(true);
            claim.setString(1, member);
            claim.setTimestamp(2, Timestamp.from(at));
            return single(claim);
        } catch (SQLException e) {
            throw new IllegalStateException("The leadership term could not be counted: " + e, e);
        }
    }

    @Override
    public long newest() {
        try (Connection connection = database.getConnection();
                PreparedStatement newest = connection.prepareStatement(NEWEST)) {
            connection.setAutoCommit(true);
            return single(newest);
        } catch (SQLException e) {
            throw new IllegalStateException("The leadership term could not be read: " + e, e);
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("cluster_leadership has no row: the schema is not migrated");
            }
            return row.getLong(1);
        }
    }
}
