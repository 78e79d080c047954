package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.tickerdesk.marketdata.control.TickMeter;

/**
 * Publishes the tick rate (a gauge) and the ticks since start (a counter, so that a scraper can
 * take its rate and notices a restart) at {@code /metrics}.
 */
@ApplicationScoped
public class MarketDataMetrics {

    static final Metadata TICKS_PER_SECOND =
            Metadata.builder()
                    .withName("tickerdesk_ticks_per_second")
                    .withDescription(
                            "Ticks received from the market-data source in the last completed"
                                    + " second")
                    .build();

    static final Metadata TICKS_TOTAL =
            Metadata.builder()
                    .withName("tickerdesk_ticks_total")
                    .withDescription(
                            "Ticks received from the market-data source since the server started")
                    .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject TickMeter meter;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(TICKS_PER_SECOND, meter, TickMeter::perSecond);
        meter.publishTo(registry.counter(TICKS_TOTAL));
    }
}
