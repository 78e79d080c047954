package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.trading.entity.Side;

/** Each sizing mode against quantities worked out by hand; every result is whole units. */
class CopySizerTest {

    private static final BigDecimal ALLOCATION = new BigDecimal("10000");

    private static LeaderTrade trade(String quantity, String price, String portfolio) {
        return new LeaderTrade(
                "t-1",
                "AAPL",
                Side.BUY,
                new BigDecimal(quantity),
                new BigDecimal(price),
                Instant.parse("2026-11-30T15:00:00Z"),
                portfolio == null ? null : new BigDecimal(portfolio));
    }

    private static BigDecimal size(Sizing sizing, LeaderTrade trade, String price) {
        return CopySizer.size(sizing, trade, ALLOCATION, new BigDecimal(price));
    }

    @Nested
    @DisplayName("FIXED: amount / price, rounded down")
    class Fixed {

        @Test
        void roundsDownToWholeUnits() {
            // 1,000 / 190.50 = 5.249...: 5 units (5 × 190.50 = 952.50; 6 would be 1,143.00)
            assertEquals(
                    new BigDecimal("5"),
                    size(Sizing.fixed(new BigDecimal("1000")), trade("3", "190", null), "190.50"));
        }

        @Test
        void anExactQuotientIsKeptWhole() {
            // 1,000 / 100 = 10 exactly, not 9
            assertEquals(
                    new BigDecimal("10"),
                    size(Sizing.fixed(new BigDecimal("1000")), trade("3", "100", null), "100"));
        }

        @Test
        void ignoresTheLeaderQuantity() {
            // 500 / 25 = 20, whether the leader bought 1 or 1,000
            assertEquals(
                    new BigDecimal("20"),
                    size(Sizing.fixed(new BigDecimal("500")), trade("1000", "25", null), "25"));
        }

        @Test
        void lessThanOneUnitIsZero() {
            // 100 / 150 = 0.67: 0
            assertEquals(
                    BigDecimal.ZERO,
                    size(Sizing.fixed(new BigDecimal("100")), trade("3", "150", null), "150"));
        }
    }

    @Nested
    @DisplayName("RATIO: leader quantity × ratio, rounded down")
    class Ratio {

        @Test
        void halfOfTen() {
            // 10 × 0.5 = 5.0: 5
            assertEquals(
                    new BigDecimal("5"),
                    size(Sizing.ratio(new BigDecimal("0.5")), trade("10", "190", null), "191"));
        }

        @Test
        void halfOfSevenRoundsDown() {
            // 7 × 0.5 = 3.5: 3
            assertEquals(
                    new BigDecimal("3"),
                    size(Sizing.ratio(new BigDecimal("0.5")), trade("7", "190", null), "191"));
        }

        @Test
        void aRatioAboveOneMultiplies() {
            // 3 × 2.5 = 7.5: 7
            assertEquals(
                    new BigDecimal("7"),
                    size(Sizing.ratio(new BigDecimal("2.5")), trade("3", "190", null), "191"));
        }

        @Test
        void aFractionalLeaderQuantityRoundsDown() {
            // 2.5 × 1 = 2.5: 2
            assertEquals(
                    new BigDecimal("2"),
                    size(Sizing.ratio(BigDecimal.ONE), trade("2.5", "190", null), "191"));
        }

        @Test
        void lessThanOneUnitIsZero() {
            // 1 × 0.5 = 0.5: 0
            assertEquals(
                    BigDecimal.ZERO,
                    size(Sizing.ratio(new BigDecimal("0.5")), trade("1", "190", null), "191"));
        }
    }

    @Nested
    @DisplayName("SHARE: leader value / leader portfolio × allocation / price, rounded down")
    class Share {

        @Test
        void theLeadersShareOfTheAllocation() {
            // 10 × 200 = 2,000 of 100,000 = 2 %; 2 % of 10,000 = 200; 200 / 40 = 5
            assertEquals(
                    new BigDecimal("5"), size(Sizing.share(), trade("10", "200", "100000"), "40"));
        }

        @Test
        void roundsDown() {
            // the same 200 at 45: 200 / 45 = 4.44: 4
            assertEquals(
                    new BigDecimal("4"), size(Sizing.share(), trade("10", "200", "100000"), "45"));
        }

        @Test
        void roundsOnceAtTheEndNotOnTheWay() {
            // 1 × 100 = 100 of 300 = 1/3; 1/3 of 900 = 300; 300 / 100 = 3 exactly. Rounding the
            // share first (0.3333 × 900 = 299.97) would give 2.
            assertEquals(
                    new BigDecimal("3"),
                    CopySizer.size(
                            Sizing.share(),
                            trade("1", "100", "300"),
                            new BigDecimal("900"),
                            new BigDecimal("100")));
        }

        @Test
        void usesTheCopysPriceNotTheLeaders() {
            // the leader paid 200, the copy pays 250: 10 × 200 / 100,000 × 10,000 = 200;
            // 200 / 250 = 0.8: 0
            assertEquals(
                    BigDecimal.ZERO, size(Sizing.share(), trade("10", "200", "100000"), "250"));
        }

        @Test
        void withoutTheLeadersPortfolioItCannotBeSized() {
            assertNull(size(Sizing.share(), trade("10", "200", null), "40"));
        }
    }

    @Test
    void aPriceOfZeroIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> size(Sizing.fixed(BigDecimal.TEN), trade("1", "1", null), "0"));
    }
}
