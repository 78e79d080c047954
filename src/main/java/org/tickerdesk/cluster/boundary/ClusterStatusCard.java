package org.tickerdesk.cluster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.tickerdesk.cluster.control.ClusterJson;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.cluster.entity.ClusterView;
import org.tickerdesk.platform.control.StatusContribution;
import org.tickerdesk.platform.entity.StatusCard;
import org.tickerdesk.platform.entity.StatusCard.Field;

/**
 * The dashboard's cluster card: whether this member leads, which member does and since when, and
 * the members the grid holds. Read from the grid on every refresh, which costs no database. A
 * server that runs alone has no card: it always leads.
 */
@ApplicationScoped
public class ClusterStatusCard implements StatusContribution {

    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Inject Leadership leadership;

    @Override
    public int rank() {
        return 35;
    }

    @Override
    public List<StatusCard> cards() {
        ClusterView view = leadership.view();
        if (!view.clustered()) {
            return List.of();
        }
        return List.of(card(view));
    }

    static StatusCard card(ClusterView view) {
        Field role =
                view.leading()
                        ? Field.state("role", "CONNECTED", "This member leads")
                        : view.leader().isPresent()
                                ? Field.state("role", "CONNECTED", "This member follows")
                                : Field.state("role", "DISCONNECTED", "No member leads");
        String leader =
                view.leader()
                        .map(l -> "Leader " + ClusterJson.shown(l) + since(view.since()))
                        .orElse("No leader yet: the members are electing one");
        String members =
                view.members().size()
                        + (view.members().size() == 1 ? " member: " : " members: ")
                        + view.members().stream()
                                .map(ClusterMember::address)
                                .collect(Collectors.joining(", "));
        return StatusCard.of(
                "cluster",
                "Cluster",
                role,
                Field.note("leader", leader),
                Field.note("members", members));
    }

    private static String since(Instant since) {
        return since == null ? "" : ", since " + SINCE.format(since);
    }
}
