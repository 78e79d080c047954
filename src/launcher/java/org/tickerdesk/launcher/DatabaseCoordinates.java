package org.tickerdesk.launcher;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the application's database is, whichever PostgreSQL that is; checked before the server
 * boots so that a wrong URL or password stops the start with one clear line.
 */
public record DatabaseCoordinates(String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseCoordinates[url=" + url + ", user=" + user + "]";
    }

    public void requireReachable() {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        try (Connection ignored = new org.postgresql.Driver().connect(url, props)) {
            if (ignored == null) {
                throw new StartupException(
                        "TICKERDESK_DB_URL is not a PostgreSQL JDBC URL: " + url);
            }
        } catch (SQLException e) {
            throw new StartupException(
                    "Cannot connect to PostgreSQL at "
                            + url
                            + " as '"
                            + user
                            + "': "
                            + e.getMessage());
        }
    }

    /**
     * The JDBC pool's properties in asadmin syntax, where ':' separates properties and must be
     * escaped inside a value, as must the escape character itself.
     */
    String asPoolProperties() {
        StringBuilder out =
                new StringBuilder("url=").append(escape(url)).append(":user=").append(escape(user));
        if (!password.isEmpty()) {
            out.append(":password=").append(escape(password));
        }
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }
}
