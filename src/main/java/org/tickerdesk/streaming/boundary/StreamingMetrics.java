package org.tickerdesk.streaming.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.tickerdesk.streaming.control.StreamHub;

/** Publishes the number of connected WebSocket clients at {@code /metrics}. */
@ApplicationScoped
public class StreamingMetrics {

    static final Metadata CLIENTS =
            Metadata.builder()
                    .withName("tickerdesk_websocket_clients")
                    .withDescription("WebSocket clients connected to /ws/market now")
                    .build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject StreamHub hub;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(CLIENTS, hub, StreamHub::connectedClients);
    }
}
