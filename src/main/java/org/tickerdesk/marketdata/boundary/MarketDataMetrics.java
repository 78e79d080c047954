package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.tickerdesk.marketdata.control.TickMeter;

/** Publishes the tick rate and count at {@code /metrics}. */
@ApplicationScoped
public class MarketDataMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject TickMeter meter;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge("tickerdesk_ticks_per_second", meter, TickMeter::perSecond);
        registry.gauge("tickerdesk_ticks_total", meter, TickMeter::total);
    }
}
