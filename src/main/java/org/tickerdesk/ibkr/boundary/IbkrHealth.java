package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tickerdesk.ibkr.session.LinkState;

/**
 * Ready while the API session with TWS is up, when IBKR is used at all. Down while Tickerdesk
 * reconnects, with the address, since when and why; up (and saying so) when IBKR is not used, and
 * on a member of a cluster that does not lead: another member holds the session.
 */
@Readiness
@ApplicationScoped
public class IbkrHealth implements HealthCheck {

    @Inject TwsLink tws;

    @Override
    public HealthCheckResponse call() {
        LinkState state = tws.state();
        return HealthCheckResponse.named("ibkr")
                .status(ready(state, tws.holdsSession()))
                .withData("used", state.enabled())
                .withData("connected", state.connected())
                .withData("holdsSession", tws.holdsSession())
                .withData("address", state.address())
                .withData("detail", state.detail())
                .withData("since", state.since().toString())
                .build();
    }

    static boolean ready(LinkState state, boolean holdsSession) {
        return !state.enabled() || state.connected() || !holdsSession;
    }
}
