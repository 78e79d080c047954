package org.tickerdesk.streaming.entity;

import java.util.Locale;

/** Why the messages a client missed of a stream cannot be sent to it again. */
public enum Unrecoverable {
    /**
     * The position is from another server run: offsets of two runs do not compare. In a cluster,
     * for a quote stream: of a term this member keeps no message of.
     */
    EPOCH_CHANGED,
    /** Some of the messages after the position are no longer kept. */
    HISTORY_OVERRUN,
    /**
     * The position is past the stream's last message: it was not this stream's. In a cluster, for a
     * quote stream: past the last message of its term this member received.
     */
    OFFSET_AHEAD,
    /** The stream keeps no history at all ({@code jobs}). */
    NO_HISTORY;

    /** As the {@code reason} of a {@code recovery} message: {@code epoch_changed}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
