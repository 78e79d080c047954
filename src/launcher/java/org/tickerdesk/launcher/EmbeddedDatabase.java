package org.tickerdesk.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The PostgreSQL that ships inside the jar, keeping its data between runs. Unlike the library's
 * test-friendly defaults it writes durably (fsync, synchronous commit, full-page writes): this is
 * the user's data, not a throw-away test database.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "tickerdesk";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(PostgresDataDirectory dataDir, int expectedMajor) {
        dataDir.requireMajorVersion(expectedMajor);
        dataDir.stopOrphanedPostmaster(Duration.ofSeconds(30));
        try {
            EmbeddedPostgres postgres =
                    EmbeddedPostgres.builder()
                            .setDataDirectory(dataDir.path())
                            .setCleanDataDirectory(false)
                            .setRegisterShutdownHook(false)
                            .setServerConfig("fsync", "on")
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("full_page_writes", "on")
                            .setServerConfig("listen_addresses", "localhost")
                            .setServerConfig("max_connections", "100")
                            .setServerConfig("checkpoint_timeout", "15min")
                            .setServerConfig("max_wal_size", "4GB")
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createApplicationDatabase();
            return database;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new StartupException(
                    "The embedded PostgreSQL in "
                            + dataDir.path()
                            + " did not start: "
                            + rootMessage(e),
                    e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return SUPERUSER;
    }

    /**
     * The embedded server trusts local connections (it listens on localhost only), but Payara's
     * connection pool insists on a password property, so it gets one.
     */
    public String password() {
        return "embedded";
    }

    private void createApplicationDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists =
                        connection.prepareStatement(
                                "SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Tickerdesk: PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
