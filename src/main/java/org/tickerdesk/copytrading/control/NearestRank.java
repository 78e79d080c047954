package org.tickerdesk.copytrading.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Percentiles by the nearest-rank method: the P-th percentile of n values is the value at rank ⌈P /
 * 100 × n⌉ (from 1) of the values in ascending order, always one of the values, never an
 * interpolation. Of 15, 20, 35, 40, 50 the 50th is rank ⌈2.5⌉ = 3: 35.
 */
public final class NearestRank {

    private NearestRank() {}

    /** The {@code percent}-th percentile (1 to 100) of {@code values}, null when there are none. */
    public static <T extends Comparable<? super T>> T percentile(List<T> values, int percent) {
        Objects.requireNonNull(values, "values");
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1 to 100, not " + percent);
        }
        if (values.isEmpty()) {
            return null;
        }
        List<T> sorted = new ArrayList<>(values);
        sorted.sort(null);
        // ⌈percent × n / 100⌉ in integers
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(rank - 1);
    }
}
