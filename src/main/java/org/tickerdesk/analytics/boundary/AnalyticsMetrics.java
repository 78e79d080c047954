package org.tickerdesk.analytics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.tickerdesk.analytics.control.LiveAnalytics;

/**
 * Publishes at {@code /metrics} the quotes analytics dropped because it fell behind the feed (a
 * counter) and the trades it ignored as late for a closed candle (a gauge of its count).
 */
@ApplicationScoped
public class AnalyticsMetrics {

    static final Metadata DROPPED =
            Metadata.builder()
                    .withName("tickerdesk_analytics_dropped_quotes_total")
                    .withDescription(
                            "Quotes analytics dropped since the server started because its queue"
                                    + " was full")
                    .build();

    static final Metadata LATE =
            Metadata.builder()
                    .withName("tickerdesk_analytics_late_trades")
                    .withDescription(
                            "Trades ignored since the server started because their candle was"
                                    + " already closed")
                    .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject LiveAnalytics analytics;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        analytics.publishDropsTo(registry.counter(DROPPED));
        registry.gauge(LATE, analytics, LiveAnalytics::lateTrades);
    }
}
