package org.tickerdesk.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database: every start-up bean that
 * uses the database depends on this one. Flyway commits each migration itself, so the container
 * must not wrap this in a transaction.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result =
                Flyway.configure(Migrations.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .failOnMissingLocations(true)
                        .load()
                        .migrate();
        LOG.info(
                () ->
                        "Schema at version "
                                + result.targetSchemaVersion
                                + " ("
                                + result.migrationsExecuted
                                + " migrations applied now)");
    }
}
