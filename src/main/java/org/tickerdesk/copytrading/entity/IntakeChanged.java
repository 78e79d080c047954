package org.tickerdesk.copytrading.entity;

import java.util.Objects;

/**
 * An intake entry was stored or changed, fired after the commit on the thread that made it: the
 * {@code traders} stream pushes it to the trader's page.
 */
public record IntakeChanged(IntakeSnapshot entry) {

    public IntakeChanged {
        Objects.requireNonNull(entry, "entry");
    }
}
