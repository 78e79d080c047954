package org.tickerdesk.copytrading.entity;

import java.util.Objects;

/**
 * Fired after a trader's change is committed and the watched-traders cache forgot the old settings,
 * from the thread that made it: the {@code traders} stream pushes it to every open page.
 *
 * @param trader the trader as stored now; {@code null} once {@link TraderChange#DELETED}
 */
public record TraderChanged(long traderId, TraderChange change, TraderSnapshot trader) {

    public TraderChanged {
        Objects.requireNonNull(change, "change");
        if ((trader == null) != (change == TraderChange.DELETED)) {
            throw new IllegalArgumentException(
                    "A deleted trader comes without a snapshot, every other change with one");
        }
    }
}
