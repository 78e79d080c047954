package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.Caps;
import org.tickerdesk.copytrading.entity.CopyContext;
import org.tickerdesk.copytrading.entity.CopyDecision;
import org.tickerdesk.copytrading.entity.CopyQuote;
import org.tickerdesk.copytrading.entity.Filters;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.SkipReason;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.trading.control.PositionBook;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.PositionOrigin;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;
import org.tickerdesk.trading.entity.Side;

/**
 * What the intake adds around the decider: the context built from a trader's book of copied
 * positions, waiting that turned too old, paper copies (no longer refused beside a live broker),
 * the market's hours, and the ids a copy's orders are placed under. Every figure worked out by
 * hand.
 */
class CopyDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T15:00:00Z");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static PositionSnapshot position(
            long id,
            String symbol,
            PositionState state,
            Side side,
            String ordered,
            String quantity,
            String average,
            String current,
            String unrealized) {
        return new PositionSnapshot(
                id,
                symbol,
                "paper",
                "paper",
                PositionOrigin.COPY,
                state,
                side,
                "cp-7-" + id,
                d(ordered),
                d(quantity),
                average == null ? null : d(average),
                current == null ? null : d(current),
                unrealized == null ? null : d(unrealized),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                "{}",
                null,
                null,
                null,
                NOW,
                NOW,
                null);
    }

    /**
     * Four positions: 10 AAPL long at 100 now 110 (+100 unrealised); 5 MSFT short at 200 with no
     * price yet; 3 AAPL pending (no price of its own, AAPL's quote last 111); 2 AAPL closing at 110
     * (+20). Realised by the book so far: 50.
     */
    private static final PositionBook BOOK =
            new PositionBook(
                    "trader:7",
                    List.of(
                            position(
                                    1,
                                    "AAPL",
                                    PositionState.OPEN,
                                    Side.BUY,
                                    "10",
                                    "10",
                                    "100",
                                    "110",
                                    "100"),
                            position(
                                    2,
                                    "MSFT",
                                    PositionState.OPEN,
                                    Side.SELL,
                                    "5",
                                    "-5",
                                    "200",
                                    null,
                                    null),
                            position(
                                    3,
                                    "AAPL",
                                    PositionState.PENDING,
                                    Side.BUY,
                                    "3",
                                    "0",
                                    null,
                                    null,
                                    null),
                            position(
                                    4,
                                    "AAPL",
                                    PositionState.CLOSING,
                                    Side.BUY,
                                    "2",
                                    "2",
                                    "100",
                                    "110",
                                    "20")),
                    d("50"));

    @Test
    void theBookGivesExposureCountPnlAndWhatIsHeldCopiedInTheSymbol() {
        CopyQuote quote = new CopyQuote(d("111"), d("110.9"), d("111.1"));
        CopyContext context =
                CopyDecisions.context(
                        NOW, quote, true, BOOK, "AAPL", d("-4"), Map.of("AAPL", d("111"))::get);

        // 10 × 110 + 5 × 200 (its average) + 3 × 111 (the quote) + 2 × 110
        assertEquals(0, d("2653").compareTo(context.openExposure()), context.toString());
        assertEquals(4, context.openPositions());
        // realised 50 + unrealised 100 + 20
        assertEquals(0, d("170").compareTo(context.copiedPnl()));
        // the open 10 and the pending 3; the closing 2 cannot be reduced any more
        assertEquals(0, d("13").compareTo(context.heldCopied()));
        assertEquals(0, d("-4").compareTo(context.leaderHeldBefore()));
        assertSame(quote, context.quote());
        assertTrue(context.marketOpen());
        assertEquals(NOW, context.now());
    }

    @Test
    void aShortIsHeldNegativeAndAPositionWithNoPriceAtAllPutsInNothing() {
        CopyContext context =
                CopyDecisions.context(
                        NOW, null, false, BOOK, "MSFT", BigDecimal.ZERO, symbol -> null);

        // the pending AAPL has no price anywhere: 10 × 110 + 5 × 200 + 2 × 110
        assertEquals(0, d("2320").compareTo(context.openExposure()));
        assertEquals(0, d("-5").compareTo(context.heldCopied()));
        assertFalse(context.marketOpen());
    }

    @Test
    void anEmptyBookIsNothingCopied() {
        CopyContext context =
                CopyDecisions.context(
                        NOW,
                        null,
                        true,
                        new PositionBook("trader:8", List.of(), BigDecimal.ZERO),
                        "AAPL",
                        BigDecimal.ZERO,
                        symbol -> null);
        assertEquals(0, context.openExposure().signum());
        assertEquals(0, context.openPositions());
        assertEquals(0, context.copiedPnl().signum());
        assertEquals(0, context.heldCopied().signum());
    }

    private static TraderSettings settings(Duration maxDelay, boolean paper) {
        return new TraderSettings(
                "Alice",
                "webhook",
                true,
                paper,
                d("10000"),
                Sizing.ratio(BigDecimal.ONE),
                Caps.NONE,
                new Filters(Set.of(), Set.of(), null, null, maxDelay, null),
                true,
                null,
                ExitRules.NONE);
    }

    private static LeaderTrade tradeAgo(Duration age) {
        return new LeaderTrade("t-1", "AAPL", Side.BUY, d("10"), d("100"), NOW.minus(age), null);
    }

    private static final CopyDecision WAITS =
            CopyDecision.waiting(SkipReason.MARKET_CLOSED, "AAPL's market is closed");

    @Test
    void withoutAMaximumDelayATradeWaitsFifteenMinutesAndNotASecondMore() {
        TraderSettings none = settings(null, false);
        assertSame(
                WAITS,
                CopyDecisions.afterwards(none, tradeAgo(Duration.ofMinutes(15)), NOW, WAITS, NOW));

        CopyDecision old =
                CopyDecisions.afterwards(none, tradeAgo(Duration.ofSeconds(901)), NOW, WAITS, NOW);
        assertEquals(CopyDecision.Status.SKIPPED, old.status());
        assertEquals(SkipReason.TOO_OLD, old.reason());
        assertEquals(
                "waited 901 s since the leader's trade (outside the instrument's trading hours),"
                        + " longer than 900 s (the default when no maximum delay is set)",
                old.detail());
    }

    @Test
    void withAMaximumDelayThatIsHowLongItWaits() {
        TraderSettings minute = settings(Duration.ofSeconds(60), false);
        assertSame(
                WAITS,
                CopyDecisions.afterwards(
                        minute, tradeAgo(Duration.ofSeconds(60)), NOW, WAITS, NOW));
        CopyDecision old =
                CopyDecisions.afterwards(minute, tradeAgo(Duration.ofSeconds(61)), NOW, WAITS, NOW);
        assertEquals(SkipReason.TOO_OLD, old.reason());
        assertEquals(
                "waited 61 s since the leader's trade (outside the instrument's trading hours),"
                        + " longer than 60 s",
                old.detail());
    }

    @Test
    void aPaperTradersCopyIsLeftAsTheDeciderCopiedItForTheIntakeToPlaceWithThePaperBroker() {
        CopyDecision copy =
                CopyDecision.copy(
                        Side.BUY, d("10"), CopyDecision.Effect.OPENS, d("100.1"), "10 × 1");
        LeaderTrade trade = tradeAgo(Duration.ofSeconds(2));

        assertSame(copy, CopyDecisions.afterwards(settings(null, true), trade, NOW, copy, NOW));
        assertSame(copy, CopyDecisions.afterwards(settings(null, false), trade, NOW, copy, NOW));
    }

    @Test
    void
            withoutAMaximumDelayANewPositionDecidedMoreThanFifteenMinutesAfterItsTradeArrivedIsNotOpened() {
        CopyDecision opens =
                CopyDecision.copy(
                        Side.BUY, d("10"), CopyDecision.Effect.OPENS, d("100.1"), "10 × 1");
        TraderSettings none = settings(null, false);
        LeaderTrade trade = tradeAgo(Duration.ofHours(2));

        assertSame(
                opens,
                CopyDecisions.afterwards(
                        none, trade, NOW.minus(Duration.ofSeconds(900)), opens, NOW));
        CopyDecision late =
                CopyDecisions.afterwards(
                        none, trade, NOW.minus(Duration.ofSeconds(901)), opens, NOW);
        assertEquals(CopyDecision.Status.SKIPPED, late.status());
        assertEquals(SkipReason.TOO_OLD, late.reason());
        assertEquals(
                "decided 901 s after it arrived (Tickerdesk was not running to decide it), longer"
                        + " than 900 s (the default when no maximum delay is set)",
                late.detail());

        CopyDecision reduces =
                CopyDecision.copy(
                        Side.SELL, d("10"), CopyDecision.Effect.REDUCES, d("100.1"), "10 × 1");
        assertSame(
                reduces,
                CopyDecisions.afterwards(none, trade, NOW.minus(Duration.ofHours(1)), reduces, NOW),
                "what the leader no longer holds is still taken away");
    }

    @Test
    void theSimulatedMarketTradesAroundTheClockAndUsEquitiesByNewYorksHours() {
        Instant sunday = Instant.parse("2026-11-29T15:00:00Z");
        Instant wednesdayAtTen = Instant.parse("2026-12-02T15:00:00Z"); // 10:00 in New York
        Instant wednesdayAtNight = Instant.parse("2026-12-03T03:00:00Z"); // 22:00 in New York

        assertTrue(CopyDecisions.marketOpen(Contract.stock("SIMCO", "SIM"), sunday));
        assertFalse(CopyDecisions.marketOpen(Contract.stock("AAPL", "SMART"), sunday));
        assertTrue(CopyDecisions.marketOpen(Contract.stock("AAPL", "SMART"), wednesdayAtTen));
        // after-hours end at 20:00
        assertFalse(CopyDecisions.marketOpen(Contract.stock("AAPL", "SMART"), wednesdayAtNight));
    }

    @Test
    void aCopysOrderIdDependsOnTheTraderTheFeedAndTheTradeIdAlone() {
        // printf 'webhook\nt-1' | sha256sum: 5df96bd9488b8a249d9cdbf6ae5078ff…
        assertEquals(
                "cp-7-5df96bd9488b8a249d9cdbf6ae5078ff",
                CopyDecisions.clientOrderId(7, "webhook", "t-1"));
        assertEquals(
                CopyDecisions.clientOrderId(7, "webhook", "t-1"),
                CopyDecisions.clientOrderId(7, "webhook", "t-1"));
        assertFalse(
                CopyDecisions.clientOrderId(8, "webhook", "t-1")
                        .equals(CopyDecisions.clientOrderId(7, "webhook", "t-1")));
        assertFalse(
                CopyDecisions.clientOrderId(7, "simulated", "t-1")
                        .equals(CopyDecisions.clientOrderId(7, "webhook", "t-1")));
        assertEquals("trader:7", CopyDecisions.book(7));
        assertEquals("COPY:42", CopyDecisions.reductionRule(42));
    }
}
