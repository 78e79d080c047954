package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rank ⌈P / 100 × n⌉ of the sorted values, worked out by hand for each case. */
class NearestRankTest {

    private static final List<Integer> FIVE = List.of(40, 15, 50, 20, 35);

    @Test
    void ofFiveValues() {
        // sorted 15, 20, 35, 40, 50
        assertEquals(15, NearestRank.percentile(FIVE, 5)); // ⌈0.25⌉ = 1
        assertEquals(20, NearestRank.percentile(FIVE, 30)); // ⌈1.5⌉ = 2
        assertEquals(20, NearestRank.percentile(FIVE, 40)); // ⌈2⌉ = 2
        assertEquals(35, NearestRank.percentile(FIVE, 50)); // ⌈2.5⌉ = 3
        assertEquals(50, NearestRank.percentile(FIVE, 95)); // ⌈4.75⌉ = 5
        assertEquals(50, NearestRank.percentile(FIVE, 100)); // ⌈5⌉ = 5
    }

    @Test
    void neverInterpolates() {
        // of 1, 2, 3, 4 the 50th is rank ⌈2⌉ = 2: 2, not 2.5
        assertEquals(2, NearestRank.percentile(List.of(4, 3, 2, 1), 50));
    }

    @Test
    void the95thOfTwentyAndOfTen() {
        List<Integer> twenty = IntStream.rangeClosed(1, 20).boxed().toList();
        // ⌈0.95 × 20⌉ = 19
        assertEquals(19, NearestRank.percentile(twenty, 95));
        // ⌈0.95 × 10⌉ = ⌈9.5⌉ = 10: the largest
        assertEquals(10, NearestRank.percentile(twenty.subList(0, 10), 95));
    }

    @Test
    void ofOneValueIsThatValue() {
        assertEquals(7, NearestRank.percentile(List.of(7), 1));
        assertEquals(7, NearestRank.percentile(List.of(7), 100));
    }

    @Test
    void ofNothingIsNull() {
        assertNull(NearestRank.percentile(List.<Integer>of(), 50));
    }

    @Test
    void percentOutsideOneToHundredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NearestRank.percentile(FIVE, 0));
        assertThrows(IllegalArgumentException.class, () -> NearestRank.percentile(FIVE, 101));
    }
}
