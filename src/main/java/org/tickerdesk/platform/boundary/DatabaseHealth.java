package org.tickerdesk.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tickerdesk.platform.control.DatabaseStatus;

/** Ready only while PostgreSQL answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Inject DatabaseStatus database;

    @Override
    public HealthCheckResponse call() {
        DatabaseStatus.Report report = database.check();
        return HealthCheckResponse.named("database")
                .status(report.up())
                .withData("detail", report.detail())
                .withData("latencyMillis", report.latencyMillis())
                .build();
    }
}
