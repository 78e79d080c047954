package org.tickerdesk.notifications.entity;

import java.util.Objects;

/**
 * CDI event: a channel started or stopped failing. Fired inside the transaction that recorded it;
 * observe it after the commit.
 */
public record ChannelChanged(ChannelStatus channel) {

    public ChannelChanged {
        Objects.requireNonNull(channel, "channel");
    }
}
