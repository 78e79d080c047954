package org.tickerdesk.streaming.entity;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * The server's status as its dashboard shows it changed, for the private {@code status} stream. The
 * admin gathers it and fires this event; streaming only carries it, so the status's shape is the
 * admin's and streaming never needs to know the admin.
 *
 * @param status what the stream's messages carry as {@code data}
 * @param at when the status was read
 */
public record StatusChanged(JsonObject status, Instant at) {

    public StatusChanged {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
