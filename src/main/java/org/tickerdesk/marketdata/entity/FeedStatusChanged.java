package org.tickerdesk.marketdata.entity;

import java.util.Objects;

/**
 * CDI event: the market-data source says its state changed (connected, disconnected). Fired on the
 * source's thread, synchronously; an observer must be quick.
 */
public record FeedStatusChanged(SourceStatus status) {

    public FeedStatusChanged {
        Objects.requireNonNull(status, "status");
    }
}
