package org.tickerdesk.streaming.control;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many connections each remote address has open, and whether it may open another. An unknown
 * address (the container did not say) is not limited: it may stand for many clients.
 */
final class ConnectionsPerAddress {

    private final int max;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int max) {
        if (max < 1) {
            throw new IllegalArgumentException(
                    "At least one connection per address must be allowed, not " + max);
        }
        this.max = max;
    }

    int max() {
        return max;
    }

    /**
     * @return whether the address may have one more connection, which is then counted
     */
    boolean tryOpen(String address) {
        if (address == null) {
            return true;
        }
        boolean[] opened = {false};
        open.compute(
                address,
                (key, count) -> {
                    int now = count == null ? 0 : count;
                    opened[0] = now < max;
                    return opened[0] ? now + 1 : now;
                });
        return opened[0];
    }

    /** One connection that {@link #tryOpen} counted has closed. */
    void closed(String address) {
        if (address != null) {
            open.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
        }
    }

    int openFrom(String address) {
        return open.getOrDefault(address, 0);
    }
}
