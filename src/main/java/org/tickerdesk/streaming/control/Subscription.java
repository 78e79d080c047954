package org.tickerdesk.streaming.control;

import java.util.Map;
import org.tickerdesk.streaming.entity.MaxRate;
import org.tickerdesk.streaming.entity.StreamPosition;

/**
 * How a subscribe asked for its new streams: with a snapshot or not, at most at a rate or as fast
 * as they change, and from where each concrete stream should resume.
 *
 * @param maxRate {@code null} for as fast as they change
 * @param since the client's position in each concrete stream it wants to resume, by name
 */
record Subscription(boolean snapshot, MaxRate maxRate, Map<String, StreamPosition> since) {

    static final Subscription PLAIN = new Subscription(false, null, Map.of());

    Subscription {
        since = Map.copyOf(since);
    }

    /** The same rate, for streams that start after the subscribe: nothing to snapshot or resume. */
    Subscription later() {
        return new Subscription(false, maxRate, Map.of());
    }
}
