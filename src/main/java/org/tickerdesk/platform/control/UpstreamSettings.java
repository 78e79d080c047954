package org.tickerdesk.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.platform.entity.BrokerName;
import org.tickerdesk.platform.entity.SourceName;
import org.tickerdesk.platform.entity.Upstream;

/**
 * The one place {@code tickerdesk.source} and {@code tickerdesk.trading} are read: every component
 * that chooses an implementation by them injects the parsed {@link Upstream}. A misspelt value
 * fails the deployment with the setting's name and what it accepts.
 */
@ApplicationScoped
public class UpstreamSettings {

    @Inject
    @ConfigProperty(name = SourceName.KEY)
    String source;

    @Inject
    @ConfigProperty(name = BrokerName.KEY)
    String trading;

    @Produces
    @Dependent
    Upstream upstream() {
        return new Upstream(SourceName.parse(source), BrokerName.parse(trading));
    }
}
