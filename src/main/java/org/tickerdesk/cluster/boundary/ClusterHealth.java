package org.tickerdesk.cluster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tickerdesk.cluster.control.ClusterJson;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.ClusterView;

/**
 * Up on the leader and on every follower alike: a follower serves pages, REST and WebSocket clients
 * while another member holds TWS. The data names the leader and this member, so that an operator
 * asking any member learns where TWS is held.
 */
@Readiness
@ApplicationScoped
public class ClusterHealth implements HealthCheck {

    @Inject Leadership leadership;

    @Override
    public HealthCheckResponse call() {
        ClusterView view = leadership.view();
        return HealthCheckResponse.named("cluster")
                .up()
                .withData("leading", view.leading())
                .withData("leader", view.leader().map(ClusterJson::shown).orElse("none yet"))
                .withData("member", view.local().map(ClusterJson::shown).orElse("unknown"))
                .withData("members", view.members().size())
                .build();
    }
}
