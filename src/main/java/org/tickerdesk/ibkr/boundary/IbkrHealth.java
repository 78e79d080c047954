package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tickerdesk.ibkr.session.LinkState;

/**
 * Ready while the API session with TWS is up, when IBKR is used at all. Down while Tickerdesk
 * reconnects, with the address, since when and why; up (and saying so) when IBKR is not used.
 */
@Readiness
@ApplicationScoped
public class IbkrHealth implements HealthCheck {

    @Inject TwsLink tws;

    @Override
    public HealthCheckResponse call() {
        LinkState state = tws.state();
        return HealthCheckResponse.named("ibkr")
                .status(!state.enabled() || state.connected())
                .withData("used", state.enabled())
                .withData("connected", state.connected())
                .withData("address", state.address())
                .withData("detail", state.detail())
                .withData("since", state.since().toString())
                .build();
    }
}
