package org.tickerdesk.cluster.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cluster as this instance sees it now.
 *
 * @param clustered whether Tickerdesk runs as a cluster ({@code TICKERDESK_CLUSTER=true}); when
 *     not, this instance leads alone
 * @param members every member of the data grid, this one among them
 * @param since when the leader took the lead; null while no leader is known
 * @param leading whether this instance leads
 */
public record ClusterView(
        boolean clustered, List<ClusterMember> members, Instant since, boolean leading) {

    public ClusterView {
        members = List.copyOf(members);
    }

    public Optional<ClusterMember> leader() {
        return members.stream().filter(ClusterMember::leader).findFirst();
    }

    public Optional<ClusterMember> local() {
        return members.stream().filter(ClusterMember::local).findFirst();
    }
}
