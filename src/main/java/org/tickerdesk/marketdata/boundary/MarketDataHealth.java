package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tickerdesk.marketdata.control.FeedSupervisor;
import org.tickerdesk.marketdata.control.TickMeter;
import org.tickerdesk.marketdata.entity.SourceStatus;

/** Ready only while the market-data source is connected. */
@Readiness
@ApplicationScoped
public class MarketDataHealth implements HealthCheck {

    @Inject FeedSupervisor feed;

    @Inject TickMeter meter;

    @Override
    public HealthCheckResponse call() {
        SourceStatus status = feed.status();
        return HealthCheckResponse.named("market-data")
                .status(status != null && status.connected())
                .withData("source", status == null ? "none" : status.source())
                .withData("state", status == null ? "STARTING" : status.state().name())
                .withData("detail", status == null ? "" : status.detail())
                .withData("ticksPerSecond", meter.perSecond())
                .build();
    }
}
