package org.tickerdesk.notifications.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.tickerdesk.notifications.entity.NewNotification;

/**
 * Whether a connection's outage is worth telling: once it has lasted the threshold (a short
 * reconnect is the normal life of a TWS connection, and says nothing), "disconnected" once, and
 * "reconnected" when it ends after such an outage. Time comes from the caller, so a test moves it.
 * Not thread-safe: its owner serialises the calls.
 */
public final class OutageWatch {

    private final String source;
    private final Duration threshold;
    private Instant downSince;
    private boolean told;

    public OutageWatch(String source, Duration threshold) {
        this.source = Objects.requireNonNull(source, "source");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("A threshold is not negative: " + threshold);
        }
        this.threshold = threshold;
    }

    /** The connection went down; nothing to tell yet. Returns when to {@link #check} again. */
    public Optional<Instant> disconnected(Instant at) {
        if (downSince == null) {
            downSince = at;
            told = false;
        }
        return Optional.of(downSince.plus(threshold));
    }

    /** The connection is up: "reconnected" if the outage was told. */
    public Optional<NewNotification> connected(Instant at) {
        if (downSince == null) {
            return Optional.empty();
        }
        Instant since = downSince;
        boolean wasTold = told;
        downSince = null;
        told = false;
        return wasTold
                ? Optional.of(Notices.twsReconnected(source, since, Duration.between(since, at)))
                : Optional.empty();
    }

    /** "disconnected", once, when the outage has lasted the threshold by now. */
    public Optional<NewNotification> check(Instant now) {
        if (downSince == null
                || told
                || Duration.between(downSince, now).compareTo(threshold) < 0) {
            return Optional.empty();
        }
        told = true;
        return Optional.of(
                Notices.twsDisconnected(source, downSince, Duration.between(downSince, now)));
    }
}
