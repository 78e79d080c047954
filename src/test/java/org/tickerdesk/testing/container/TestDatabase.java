package org.tickerdesk.testing.container;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A throw-away PostgreSQL for the in-container tests: zonky's embedded server, as the launcher
 * uses, with its data in a folder that is deleted when it stops. The application's own post-boot
 * commands point Payara Micro's {@code jdbc/tickerdesk} at it.
 */
final class TestDatabase implements AutoCloseable {

    static final String NAME = "tickerdesk";
    private static final String USER = "postgres";

    /** The embedded server trusts local connections; Payara's pool insists on a password. */
    private static final String PASSWORD = "embedded";

    private final EmbeddedPostgres postgres;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static TestDatabase start(Path dataDir) throws IOException, SQLException {
        EmbeddedPostgres postgres =
                EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(true)
                        .setServerConfig("listen_addresses", "localhost")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + NAME + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            postgres.close();
            throw e;
        }
        return new TestDatabase(postgres);
    }

    String url() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + NAME;
    }

    /** The server's post-boot commands (the launcher's template) filled in for this database. */
    String postBootCommands(Path template) throws IOException {
        return Files.readString(template, StandardCharsets.UTF_8)
                .replace("@db.properties@", poolProperties());
    }

    /**
     * In asadmin syntax ':' separates properties, so inside a value it is escaped, as are '=' and
     * the escape character itself.
     */
    String poolProperties() {
        return "url=" + escape(url()) + ":user=" + escape(USER) + ":password=" + escape(PASSWORD);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
