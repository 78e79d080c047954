package org.tickerdesk.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.cluster.entity.ClusterView;

/**
 * Leadership as a test sets it: this member at {@link #SELF} leads, or another at {@link #OTHER}
 * does, or none.
 */
public final class FixedLeadership extends Leadership {

    public static final String SELF = "127.0.0.1:6901";

    public static final String OTHER = "127.0.0.1:6900";

    private static final Instant SINCE = Instant.parse("2025-11-20T14:00:00Z");

    /** Who leads. */
    public enum Leader {
        THIS_MEMBER,
        ANOTHER_MEMBER,
        NONE
    }

    private volatile Leader leader;

    public FixedLeadership(Leader leader) {
        this.leader = leader;
    }

    public void set(Leader now) {
        leader = now;
    }

    @Override
    public boolean leading() {
        return leader == Leader.THIS_MEMBER;
    }

    @Override
    public boolean clustered() {
        return true;
    }

    @Override
    public ClusterView view() {
        List<ClusterMember> members = new ArrayList<>();
        members.add(new ClusterMember("self", SELF, true, leader == Leader.THIS_MEMBER));
        members.add(new ClusterMember("other", OTHER, false, leader == Leader.ANOTHER_MEMBER));
        return new ClusterView(true, members, leader == Leader.NONE ? null : SINCE, leading());
    }

    @Override
    public Optional<ClusterMember> leader() {
        return view().leader();
    }
}
