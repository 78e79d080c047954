package org.tickerdesk.copytrading.entity;

import java.util.Objects;

/** A followed trader on the hot path: the id their trades are filed under and their settings. */
public record WatchedTrader(long id, TraderSettings settings) {

    public WatchedTrader {
        Objects.requireNonNull(settings, "settings");
    }
}
