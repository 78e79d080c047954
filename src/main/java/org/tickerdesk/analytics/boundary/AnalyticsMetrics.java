package org.tickerdesk.analytics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.tickerdesk.analytics.control.CandleRecorder;
import org.tickerdesk.analytics.control.LiveAnalytics;

/**
 * Publishes at {@code /metrics} the quotes analytics dropped because it fell behind the feed (a
 * counter), the trades it ignored as late for a closed candle, and the closed candles recorded and
 * lost (gauges of their counts).
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

    static final Metadata CANDLES_RECORDED =
            Metadata.builder()
                    .withName("tickerdesk_analytics_candles_recorded")
                    .withDescription("Closed live candles written to the stored bars since start")
                    .build();

    static final Metadata CANDLES_LOST =
            Metadata.builder()
                    .withName("tickerdesk_analytics_candles_lost")
                    .withDescription(
                            "Closed live candles not written since start: dropped with the"
                                    + " recorder's queue full, or refused by the database")
                    .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject CandleRecorder recorder;

    @Inject LiveAnalytics analytics;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        analytics.publishDropsTo(registry.counter(DROPPED));
        registry.gauge(LATE, analytics, LiveAnalytics::lateTrades);
        registry.gauge(CANDLES_RECORDED, recorder, CandleRecorder::recorded);
        registry.gauge(CANDLES_LOST, recorder, CandleRecorder::lost);
    }
}
