package org.tickerdesk.copytrading.entity;

import java.util.Objects;

/**
 * A trader's copied P&amp;L curve was read again after one of their copied positions changed
 * (opened, reduced, closed), fired after that change was committed: the {@code traders} stream
 * pushes it to the Traders page.
 */
public record CurveChanged(PnlCurve curve) {

    public CurveChanged {
        Objects.requireNonNull(curve, "curve");
    }
}
