package org.tickerdesk.history.control;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ServiceConfigurationError;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Jakarta Batch's job operator, which this server's collections are launched, stopped and read
 * through. Its first use on a server makes the batch runtime create its own tables where they are
 * missing; two cluster members doing that at once in their shared database collided, and the member
 * that lost could not launch its first collection. So the first use holds a PostgreSQL advisory
 * lock, which the first use on every other member waits for: the second finds the tables made.
 */
@ApplicationScoped
public class BatchOperator {

    /** The advisory lock's key: "jbatch" in ASCII. */
    static final long LOCK = 0x6a6261746368L;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    /** The batch runtime's operator as the platform makes it; a test gives its own. */
    Supplier<JobOperator> runtime = BatchRuntime::getJobOperator;

    private volatile JobOperator operator;

    public BatchOperator() {}

    BatchOperator(DataSource database, Supplier<JobOperator> runtime) {
        this.database = database;
        this.runtime = runtime;
    }

    /**
     * The operator; the first call on this server waits while another member's runtime creates the
     * tables. A runtime that could not start is asked again at the next call.
     */
    public JobOperator get() {
        JobOperator known = operator;
        if (known == null) {
            synchronized (this) {
                if (operator == null) {
                    operator = started();
                }
                known = operator;
            }
        }
        return known;
    }

    private JobOperator started() {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                return runtime.get();
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException(
                        "The batch runtime could not be started: " + e.getMessage(), e);
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The batch runtime could not be started: " + e.getMessage(), e);
        }
    }
}
