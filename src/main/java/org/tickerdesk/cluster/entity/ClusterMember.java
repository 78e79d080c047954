package org.tickerdesk.cluster.entity;

import java.util.Objects;

/**
 * One member of the data grid.
 *
 * @param uuid the member's UUID in the grid, new on every start
 * @param address host and port of the member's grid connection
 * @param local whether it is this instance
 * @param leader whether it leads
 */
public record ClusterMember(String uuid, String address, boolean local, boolean leader) {

    public ClusterMember {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(address, "address");
    }
}
