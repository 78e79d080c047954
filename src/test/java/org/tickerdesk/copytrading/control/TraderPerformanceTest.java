package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.CopyPerformance;
import org.tickerdesk.copytrading.entity.IntakeFigures;
import org.tickerdesk.trading.control.BookPnl;

/** One trader's figures put together from the intake's sums and the book's, and their JSON. */
class TraderPerformanceTest {

    @Test
    void theBookGivesTheCopiedPnlAndTheWinRate() {
        IntakeFigures intake =
                new IntakeFigures(
                        7,
                        12,
                        2,
                        11,
                        Duration.ofNanos(212_400_000),
                        Duration.ofNanos(480_001_000),
                        Duration.ofMillis(215),
                        Duration.ofMillis(530),
                        new BigDecimal("0.01000000"),
                        new BigDecimal("0.05"),
                        new BigDecimal("0.53"),
                        new BigDecimal("2.60"),
                        new BigDecimal("240.00000000"));
        BookPnl book =
                new BookPnl("trader:7", new BigDecimal("30.5"), new BigDecimal("-10.25"), 3, 2);
        CopyPerformance p = TraderPerformance.of(intake, book);
        // 30.5 − 10.25 = 20.25; 2 of 3 closed won: 66.666… rounds to 66.67
        assertEquals(new BigDecimal("20.25"), p.copiedPnl());
        assertEquals(new BigDecimal("66.67"), p.winRatePercent());
        assertEquals(
                "{\"leaderPnl\":240,\"copiedPnl\":20.25,\"winRatePercent\":66.67,\"closed\":3,"
                        + "\"wins\":2,\"copied\":12,\"skipped\":2,\"filled\":11,"
                        + "\"delayToOrderMsP50\":212.4,\"delayToOrderMsP95\":480.001,"
                        + "\"delayToFillMsP50\":215,\"delayToFillMsP95\":530,"
                        + "\"slippageP50\":0.01,\"slippageP95\":0.05,\"slippageBpsP50\":0.53,"
                        + "\"slippageBpsP95\":2.6}",
                TraderPerformance.write(p).build().toString());
    }

    @Test
    void aTraderWithNothingHasZerosAndNulls() {
        CopyPerformance p = TraderPerformance.of(IntakeFigures.none(3), BookPnl.empty("trader:3"));
        assertEquals(
                "{\"leaderPnl\":0,\"copiedPnl\":0,\"winRatePercent\":null,\"closed\":0,"
                        + "\"wins\":0,\"copied\":0,\"skipped\":0,\"filled\":0,"
                        + "\"delayToOrderMsP50\":null,\"delayToOrderMsP95\":null,"
                        + "\"delayToFillMsP50\":null,\"delayToFillMsP95\":null,"
                        + "\"slippageP50\":null,\"slippageP95\":null,\"slippageBpsP50\":null,"
                        + "\"slippageBpsP95\":null}",
                TraderPerformance.write(p).build().toString());
    }
}
