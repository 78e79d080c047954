package org.tickerdesk.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Whether PostgreSQL answers, how fast, and which version it is: for readiness and the dashboard.
 */
@ApplicationScoped
public class DatabaseStatus {

    public record Report(boolean up, String detail, long latencyMillis) {}

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource dataSource;

    public Report check() {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rs =
                    statement.executeQuery("SELECT current_setting('server_version')")) {
                rs.next();
                return new Report(
                        true,
                        "PostgreSQL " + rs.getString(1),
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (SQLException e) {
            return new Report(false, e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
