package org.tickerdesk.resolution.entity;

import java.time.LocalDate;
import java.util.Objects;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * One instrument on the resolution list: what it is, when it expires, and its resolution (awaiting
 * with the reason, or resolved). {@code kind}, {@code expiry} and {@code description} are null when
 * the instrument is no longer known.
 */
public record ResolutionOverview(
        String symbol,
        InstrumentKind kind,
        LocalDate expiry,
        String description,
        ResolutionSnapshot resolution) {

    public ResolutionOverview {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(resolution, "resolution");
    }

    public boolean awaiting() {
        return resolution.state() == ResolutionState.AWAITING;
    }

    public boolean event() {
        return kind == InstrumentKind.EVENT;
    }
}
