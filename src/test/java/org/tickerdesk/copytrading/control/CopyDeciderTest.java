package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.Caps;
import org.tickerdesk.copytrading.entity.CopyContext;
import org.tickerdesk.copytrading.entity.CopyDecision;
import org.tickerdesk.copytrading.entity.CopyDecision.Effect;
import org.tickerdesk.copytrading.entity.CopyDecision.Status;
import org.tickerdesk.copytrading.entity.CopyQuote;
import org.tickerdesk.copytrading.entity.Filters;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.copytrading.entity.Sizing;
import org.tickerdesk.copytrading.entity.SkipReason;
import org.tickerdesk.copytrading.entity.TraderSettings;
import org.tickerdesk.trading.entity.ExitRules;
import org.tickerdesk.trading.entity.Side;

/**
 * The copy decision, check by check. Unless a case says otherwise: the trader is enabled with an
 * allocation of 10,000, sizing ratio 1, no caps, no filters, exits copied, no stop-loss; the leader
 * buys 10 AAPL at 100.00 at T0, held none before; it is decided 2 s later with AAPL's market open
 * at last 100.00, bid 99.90, ask 100.10, nothing copied open.
 */
class CopyDeciderTest {

    private static final Instant T0 = Instant.parse("2026-11-30T15:00:00Z");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A trader's settings, changed field by field from the defaults above. */
    private static final class Settings {
        boolean enabled = true;
        String allocation = "10000";
        Sizing sizing = Sizing.ratio(BigDecimal.ONE);
        Caps caps = Caps.NONE;
        Set<String> allowed = Set.of();
        Set<String> denied = Set.of();
        String minSize;
        String maxSize;
        Duration maxDelay;
        String maxDeviation;
        boolean copyExits = true;
        String stopLoss;

        TraderSettings build() {
            return new TraderSettings(
                    "Alice",
                    "webhook",
                    enabled,
                    false,
                    d(allocation),
                    sizing,
                    caps,
                    new Filters(
                            allowed,
                            denied,
                            minSize == null ? null : d(minSize),
                            maxSize == null ? null : d(maxSize),
                            maxDelay,
                            maxDeviation == null ? null : d(maxDeviation)),
                    copyExits,
                    stopLoss == null ? null : d(stopLoss),
                    ExitRules.NONE);
        }
    }

    /** The moment of a decision, changed field by field from the defaults above. */
    private static final class Context {
        Instant now = T0.plusSeconds(2);
        CopyQuote quote = new CopyQuote(d("100.00"), d("99.90"), d("100.10"));
        boolean open = true;
        String exposure = "0";
        int positions = 0;
        String pnl = "0";
        String held = "0";
        String leaderHeld = "0";

        CopyContext build() {
            return new CopyContext(
                    now, quote, open, d(exposure), positions, d(pnl), d(held), d(leaderHeld));
        }
    }

    private static LeaderTrade trade(Side side, String quantity) {
        return trade(side, quantity, "100.00", null);
    }

    private static LeaderTrade trade(Side side, String quantity, String price, String portfolio) {
        return new LeaderTrade(
                "t-1",
                "AAPL",
                side,
                d(quantity),
                d(price),
                T0,
                portfolio == null ? null : d(portfolio));
    }

    private static CopyDecision buy10(Settings s, Context c) {
        return CopyDecider.decide(s.build(), trade(Side.BUY, "10"), c.build());
    }

    private static void assertSkipped(SkipReason reason, CopyDecision decision) {
        assertEquals(Status.SKIPPED, decision.status(), decision.detail());
        assertEquals(reason, decision.reason(), decision.detail());
    }

    private static void assertWaiting(SkipReason reason, CopyDecision decision) {
        assertEquals(Status.WAITING, decision.status(), decision.detail());
        assertEquals(reason, decision.reason(), decision.detail());
    }

    private static void assertCopied(
            Side side, String quantity, Effect effect, String price, CopyDecision decision) {
        assertEquals(Status.COPIED, decision.status(), decision.detail());
        assertEquals(side, decision.side(), decision.detail());
        assertEquals(d(quantity), decision.quantity(), decision.detail());
        assertEquals(effect, decision.effect(), decision.detail());
        assertEquals(0, d(price).compareTo(decision.price()), decision.detail());
    }

    @Test
    @DisplayName("with the defaults the leader's 10 are copied at the ask")
    void theDefaultsCopy() {
        CopyDecision decision = buy10(new Settings(), new Context());
        // ratio 1 × 10 = 10 at the ask 100.10: 1,001.00
        assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", decision);
        assertEquals(0, d("1001.00").compareTo(decision.value()));
        assertEquals(
                "ratio 1 × the leader's 10 = 10; 10 × ask 100.1 = 1,001.00", decision.detail());
    }

    @Nested
    @DisplayName("the trader disabled: skipped first")
    class Disabled {

        @Test
        void skipsEvenWhenEveryOtherCheckWouldFail() {
            Settings s = new Settings();
            s.enabled = false;
            s.stopLoss = "20";
            s.denied = Set.of("AAPL");
            s.maxDelay = Duration.ofSeconds(1);
            Context c = new Context();
            c.pnl = "-5000";
            c.open = false;
            CopyDecision decision = buy10(s, c);
            assertSkipped(SkipReason.TRADER_DISABLED, decision);
            assertEquals("the trader Alice is disabled", decision.detail());
        }

        @Test
        void skipsExitsToo() {
            Settings s = new Settings();
            s.enabled = false;
            Context c = new Context();
            c.leaderHeld = "10";
            c.held = "10";
            assertSkipped(
                    SkipReason.TRADER_DISABLED,
                    CopyDecider.decide(s.build(), trade(Side.SELL, "10"), c.build()));
        }
    }

    @Nested
    @DisplayName("the copy stop-loss: allocation 10,000 and 20 % pause at a copied P&L of -2,000")
    class StopLoss {

        private CopyDecision withPnl(String pnl) {
            Settings s = new Settings();
            s.stopLoss = "20";
            Context c = new Context();
            c.pnl = pnl;
            return buy10(s, c);
        }

        @Test
        void exactlyAtTheThresholdSkips() {
            CopyDecision decision = withPnl("-2000");
            assertSkipped(SkipReason.COPY_STOP_LOSS, decision);
            assertEquals(
                    "the copied P&L -2,000.00 is at or below the copy stop-loss -2,000.00 (20 %"
                            + " of the allocation 10,000.00)",
                    decision.detail());
        }

        @Test
        void aCentAboveCopies() {
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", withPnl("-1999.99"));
        }

        @Test
        void comesBeforeTheInstrumentFilters() {
            Settings s = new Settings();
            s.stopLoss = "20";
            s.denied = Set.of("AAPL");
            Context c = new Context();
            c.pnl = "-2500";
            assertSkipped(SkipReason.COPY_STOP_LOSS, buy10(s, c));
        }
    }

    @Nested
    @DisplayName("instruments: allowed (when listed) then denied, ignoring case")
    class Instruments {

        @Test
        void notAmongTheAllowed() {
            Settings s = new Settings();
            s.allowed = Set.of("TSLA", "MSFT");
            CopyDecision decision = buy10(s, new Context());
            assertSkipped(SkipReason.INSTRUMENT_NOT_ALLOWED, decision);
            assertEquals("AAPL is not among the allowed MSFT, TSLA", decision.detail());
        }

        @Test
        void allowedIgnoringCase() {
            Settings s = new Settings();
            s.allowed = Set.of("aapl");
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", buy10(s, new Context()));
        }

        @Test
        void deniedEvenWhenAllowed() {
            Settings s = new Settings();
            s.allowed = Set.of("AAPL");
            s.denied = Set.of("Aapl");
            CopyDecision decision = buy10(s, new Context());
            assertSkipped(SkipReason.INSTRUMENT_DENIED, decision);
            assertEquals("AAPL is denied", decision.detail());
        }

        @Test
        void comeBeforeTheAge() {
            Settings s = new Settings();
            s.denied = Set.of("AAPL");
            s.maxDelay = Duration.ofSeconds(1);
            assertSkipped(SkipReason.INSTRUMENT_DENIED, buy10(s, new Context()));
        }
    }

    @Nested
    @DisplayName("age: older than the maximum delay is too old, exactly at it is in time")
    class Age {

        private CopyDecision at(Duration after, boolean open) {
            Settings s = new Settings();
            s.maxDelay = Duration.ofSeconds(60);
            Context c = new Context();
            c.now = T0.plus(after);
            c.open = open;
            return buy10(s, c);
        }

        @Test
        void exactlyAtTheMaximumDelayCopies() {
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", at(Duration.ofSeconds(60), true));
        }

        @Test
        void aMillisecondLaterIsTooOld() {
            CopyDecision decision = at(Duration.ofMillis(60_001), true);
            assertSkipped(SkipReason.TOO_OLD, decision);
            assertEquals(
                    "the trade is 60.001 s old, over the maximum delay of 60 s", decision.detail());
        }

        @Test
        void aWaitingTradeBecomesTooOld() {
            assertWaiting(SkipReason.MARKET_CLOSED, at(Duration.ofSeconds(10), false));
            assertSkipped(SkipReason.TOO_OLD, at(Duration.ofSeconds(61), false));
        }

        @Test
        void aTradeFromTheFutureIsInTime() {
            // a leader's clock ahead of ours: a negative age is never over the maximum
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", at(Duration.ofSeconds(-5), true));
        }

        @Test
        void withoutAMaximumDelayNothingIsTooOld() {
            Context c = new Context();
            c.now = T0.plus(Duration.ofDays(3));
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", buy10(new Settings(), c));
        }
    }

    @Nested
    @DisplayName("market and quote: a closed market or no price waits")
    class MarketAndQuote {

        @Test
        void aClosedMarketWaits() {
            Context c = new Context();
            c.open = false;
            CopyDecision decision = buy10(new Settings(), c);
            assertWaiting(SkipReason.MARKET_CLOSED, decision);
            assertEquals("the market of AAPL is closed", decision.detail());
        }

        @Test
        void aClosedMarketIsNamedBeforeAMissingQuote() {
            Context c = new Context();
            c.open = false;
            c.quote = null;
            assertWaiting(SkipReason.MARKET_CLOSED, buy10(new Settings(), c));
        }

        @Test
        void noQuoteWaits() {
            Context c = new Context();
            c.quote = null;
            CopyDecision decision = buy10(new Settings(), c);
            assertWaiting(SkipReason.NO_QUOTE, decision);
            assertEquals("no ask or last price for AAPL yet", decision.detail());
        }

        @Test
        void aBuyWithOnlyABidWaits() {
            Context c = new Context();
            c.quote = new CopyQuote(null, d("99.90"), null);
            assertWaiting(SkipReason.NO_QUOTE, buy10(new Settings(), c));
        }

        @Test
        void aBuyWithoutAnAskUsesTheLast() {
            Context c = new Context();
            c.quote = new CopyQuote(d("100.05"), d("99.90"), null);
            CopyDecision decision = buy10(new Settings(), c);
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.05", decision);
            assertTrue(decision.detail().contains("× last 100.05"), decision.detail());
        }

        @Test
        void comesBeforeThePriceDeviation() {
            Settings s = new Settings();
            s.maxDeviation = "1";
            Context c = new Context();
            c.open = false;
            c.quote = new CopyQuote(d("150"), d("150"), d("150"));
            assertWaiting(SkipReason.MARKET_CLOSED, buy10(s, c));
        }
    }

    @Nested
    @DisplayName("price deviation: |reference - leader| / leader × 100 over the maximum moved")
    class PriceDeviation {

        private CopyDecision decide(Side side, String bid, String ask) {
            Settings s = new Settings();
            s.maxDeviation = "2";
            Context c = new Context();
            c.quote = new CopyQuote(d("100"), bid == null ? null : d(bid), d(ask));
            return CopyDecider.decide(s.build(), trade(side, "10"), c.build());
        }

        @Test
        void exactlyAtTheMaximumCopies() {
            // |102 - 100| / 100 × 100 = 2 %, not over 2 %
            assertCopied(Side.BUY, "10", Effect.OPENS, "102", decide(Side.BUY, "101.90", "102"));
        }

        @Test
        void justOverTheMaximumMoved() {
            // |102.01 - 100| / 100 × 100 = 2.01 %
            CopyDecision decision = decide(Side.BUY, "101.90", "102.01");
            assertSkipped(SkipReason.PRICE_MOVED, decision);
            assertEquals(
                    "the ask 102.01 is 2.01 % from the leader's price 100, over the maximum of 2"
                            + " %",
                    decision.detail());
        }

        @Test
        void theDeviationShownIsNeverRoundedBelowTheMaximum() {
            // |102.001 - 100| / 100 × 100 = 2.001 %: shown as such, not rounded to 2
            CopyDecision decision = decide(Side.BUY, "101.90", "102.001");
            assertSkipped(SkipReason.PRICE_MOVED, decision);
            assertTrue(decision.detail().contains(" is 2.001 % from"), decision.detail());
            // |102.00001 - 100| = 2.00001 %: four decimals, rounded up, 2.0001
            assertTrue(
                    decide(Side.BUY, "101.90", "102.00001").detail().contains(" is 2.0001 % from"));
        }

        @Test
        void aMoveInOurFavourCountsToo() {
            // |97 - 100| / 100 × 100 = 3 %: the leader's picture no longer holds either way
            assertSkipped(SkipReason.PRICE_MOVED, decide(Side.BUY, "96.90", "97"));
        }

        @Test
        void aSellIsMeasuredAtTheBid() {
            // bid 97.99: |97.99 - 100| = 2.01 %, although the ask 100 has not moved
            assertSkipped(SkipReason.PRICE_MOVED, decide(Side.SELL, "97.99", "100"));
            // bid 98: exactly 2 %
            assertCopied(Side.SELL, "10", Effect.OPENS, "98", decide(Side.SELL, "98", "100"));
        }

        @Test
        void withoutTheBidASellIsMeasuredAtTheLast() {
            // last 100 is 0 % from 100; the ask 110 would have been 10 %
            assertCopied(Side.SELL, "10", Effect.OPENS, "100", decide(Side.SELL, null, "110"));
        }

        @Test
        void comesBeforeSizing() {
            Settings s = new Settings();
            s.maxDeviation = "2";
            s.sizing = Sizing.share();
            Context c = new Context();
            c.quote = new CopyQuote(d("105"), d("105"), d("105"));
            assertSkipped(SkipReason.PRICE_MOVED, buy10(s, c));
        }
    }

    @Nested
    @DisplayName("sizing at the reference price, in whole units")
    class Sizes {

        @Test
        void fixed() {
            Settings s = new Settings();
            s.sizing = Sizing.fixed(d("1000"));
            CopyDecision decision = buy10(s, new Context());
            // 1,000 / 100.10 = 9.99: 9; 9 × 100.10 = 900.90
            assertCopied(Side.BUY, "9", Effect.OPENS, "100.10", decision);
            assertEquals(
                    "fixed 1,000.00 / ask 100.1 = 9; 9 × ask 100.1 = 900.90", decision.detail());
        }

        @Test
        void ratio() {
            Settings s = new Settings();
            s.sizing = Sizing.ratio(d("0.5"));
            // 10 × 0.5 = 5
            assertCopied(Side.BUY, "5", Effect.OPENS, "100.10", buy10(s, new Context()));
        }

        @Test
        void share() {
            Settings s = new Settings();
            s.sizing = Sizing.share();
            Context c = new Context();
            c.quote = new CopyQuote(d("100"), d("99.90"), d("100"));
            // 10 × 100 = 1,000 of 50,000 = 2 %; 2 % of 10,000 = 200; 200 / 100 = 2
            CopyDecision decision =
                    CopyDecider.decide(
                            s.build(), trade(Side.BUY, "10", "100.00", "50000"), c.build());
            assertCopied(Side.BUY, "2", Effect.OPENS, "100", decision);
            assertEquals(
                    "the leader's 1,000.00 of 50,000.00 as a share of the allocation 10,000.00 /"
                            + " ask 100 = 2; 2 × ask 100 = 200.00",
                    decision.detail());
        }

        @Test
        void shareWithoutTheLeadersPortfolio() {
            Settings s = new Settings();
            s.sizing = Sizing.share();
            assertSkipped(SkipReason.NO_LEADER_PORTFOLIO, buy10(s, new Context()));
        }

        @Test
        void ratioToLessThanOneUnit() {
            Settings s = new Settings();
            s.sizing = Sizing.ratio(d("0.05"));
            // 10 × 0.05 = 0.5: 0
            CopyDecision decision = buy10(s, new Context());
            assertSkipped(SkipReason.SIZED_TO_NOTHING, decision);
            assertEquals("ratio 0.05 × the leader's 10 rounds down to 0 units", decision.detail());
        }

        @Test
        void fixedToLessThanOneUnit() {
            Settings s = new Settings();
            s.sizing = Sizing.fixed(d("100"));
            // 100 / 100.10 = 0.999: 0
            assertSkipped(SkipReason.SIZED_TO_NOTHING, buy10(s, new Context()));
        }
    }

    @Nested
    @DisplayName("minimum and maximum trade size: filters on the copy's value, never resizing")
    class MinAndMax {

        @Test
        void belowTheMinimum() {
            Settings s = new Settings();
            s.sizing = Sizing.ratio(d("0.4"));
            s.minSize = "500";
            // 10 × 0.4 = 4; 4 × 100.10 = 400.40 < 500
            CopyDecision decision = buy10(s, new Context());
            assertSkipped(SkipReason.BELOW_MIN_SIZE, decision);
            assertEquals(
                    "the copy's value 400.40 (4 × 100.1) is below the minimum trade size 500.00",
                    decision.detail());
        }

        @Test
        void exactlyAtTheMinimumCopies() {
            Settings s = new Settings();
            s.sizing = Sizing.ratio(d("0.4"));
            s.minSize = "400.40";
            assertCopied(Side.BUY, "4", Effect.OPENS, "100.10", buy10(s, new Context()));
        }

        @Test
        void aboveTheMaximum() {
            Settings s = new Settings();
            s.maxSize = "1000";
            // 10 × 100.10 = 1,001.00 > 1,000
            CopyDecision decision = buy10(s, new Context());
            assertSkipped(SkipReason.ABOVE_MAX_SIZE, decision);
            assertEquals(
                    "the copy's value 1,001.00 (10 × 100.1) is above the maximum trade size"
                            + " 1,000.00",
                    decision.detail());
        }

        @Test
        void exactlyAtTheMaximumCopies() {
            Settings s = new Settings();
            s.maxSize = "1001";
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", buy10(s, new Context()));
        }

        @Test
        void comeBeforeTheCaps() {
            Settings s = new Settings();
            s.maxSize = "1000";
            s.caps = new Caps(d("500"), null, null);
            assertSkipped(SkipReason.ABOVE_MAX_SIZE, buy10(s, new Context()));
        }
    }

    @Nested
    @DisplayName("caps: money caps scale the copy down; skipped only when not one unit fits")
    class CapsOnTheCopy {

        @Test
        void perTradeScalesDown() {
            Settings s = new Settings();
            s.caps = new Caps(d("500"), null, null);
            // 10 × 100.10 = 1,001 > 500; 500 / 100.10 = 4.99: 4 (400.40; 5 would be 500.50)
            CopyDecision decision = buy10(s, new Context());
            assertCopied(Side.BUY, "4", Effect.OPENS, "100.10", decision);
            assertEquals(
                    "ratio 1 × the leader's 10 = 10; scaled down from 10 to 4 by the cap per trade"
                            + " (500.00); 4 × ask 100.1 = 400.40",
                    decision.detail());
        }

        @Test
        void exactlyAtThePerTradeCapIsNotScaled() {
            Settings s = new Settings();
            s.caps = new Caps(d("1001"), null, null);
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", buy10(s, new Context()));
        }

        @Test
        void perTradeBelowOneUnitSkips() {
            Settings s = new Settings();
            s.caps = new Caps(d("100"), null, null);
            // one unit is 100.10 > 100
            CopyDecision decision = buy10(s, new Context());
            assertSkipped(SkipReason.OVER_TRADE_CAP, decision);
            assertEquals(
                    "not one unit at 100.1 fits the cap per trade (100.00); 10 would be 1,001.00",
                    decision.detail());
        }

        @Test
        void totalExposureScalesDownToWhatIsLeft() {
            Settings s = new Settings();
            s.caps = new Caps(null, d("5000"), null);
            Context c = new Context();
            c.exposure = "4600";
            // 5,000 - 4,600 = 400 left; 400 / 100.10 = 3.996: 3 (300.30)
            assertCopied(Side.BUY, "3", Effect.OPENS, "100.10", buy10(s, c));
        }

        @Test
        void totalExposureExactlyFilledByTheCopy() {
            Settings s = new Settings();
            s.caps = new Caps(null, d("5000"), null);
            Context c = new Context();
            c.exposure = "3999";
            // 5,000 - 3,999 = 1,001 left = 10 × 100.10
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", buy10(s, c));
        }

        @Test
        void totalExposureReached() {
            Settings s = new Settings();
            s.caps = new Caps(null, d("5000"), null);
            Context c = new Context();
            c.exposure = "5000";
            CopyDecision decision = buy10(s, c);
            assertSkipped(SkipReason.OVER_EXPOSURE_CAP, decision);
            assertEquals(
                    "not one unit at 100.1 fits what is left under the cap on total exposure"
                            + " 5,000.00 with 5,000.00 open; 10 would be 1,001.00",
                    decision.detail());
        }

        @Test
        void totalExposureWithLessThanOneUnitLeft() {
            Settings s = new Settings();
            s.caps = new Caps(null, d("5000"), null);
            Context c = new Context();
            c.exposure = "4950";
            // 50 left < 100.10
            assertSkipped(SkipReason.OVER_EXPOSURE_CAP, buy10(s, c));
        }

        @Test
        void allocationScalesDownToWhatIsLeft() {
            Context c = new Context();
            c.exposure = "9500";
            // 10,000 - 9,500 = 500 left: 4 (400.40)
            CopyDecision decision = buy10(new Settings(), c);
            assertCopied(Side.BUY, "4", Effect.OPENS, "100.10", decision);
            assertTrue(
                    decision.detail()
                            .contains(
                                    "scaled down from 10 to 4 by what is left of the allocation"
                                            + " 10,000.00 with 9,500.00 open (500.00)"),
                    decision.detail());
        }

        @Test
        void allocationUsed() {
            Context c = new Context();
            c.exposure = "10000";
            assertSkipped(SkipReason.ALLOCATION_USED, buy10(new Settings(), c));
        }

        @Test
        void allocationOverUsedByRisingPrices() {
            Context c = new Context();
            c.exposure = "12000";
            assertSkipped(SkipReason.ALLOCATION_USED, buy10(new Settings(), c));
        }

        @Test
        void capsApplyOneAfterAnother() {
            Settings s = new Settings();
            s.caps = new Caps(d("800"), d("5000"), null);
            Context c = new Context();
            c.exposure = "4500";
            // per trade: 800 / 100.10 = 7.99: 7; exposure: 500 left / 100.10 = 4.99: 4
            CopyDecision decision = buy10(s, c);
            assertCopied(Side.BUY, "4", Effect.OPENS, "100.10", decision);
            assertTrue(decision.detail().contains("from 10 to 7 by the cap per trade"));
            assertTrue(decision.detail().contains("from 7 to 4 by what is left under the cap"));
        }

        @Test
        void scaledBelowTheMinimumSkipsWithTheCapsReason() {
            Settings s = new Settings();
            s.minSize = "500";
            s.caps = new Caps(d("450"), null, null);
            // 450 / 100.10 = 4.49: 4 (400.40) fits, but that is below 500
            CopyDecision decision = buy10(s, new Context());
            assertSkipped(SkipReason.OVER_TRADE_CAP, decision);
            assertEquals(
                    "4 units (400.40) fit the cap per trade (450.00), below the minimum trade size"
                            + " 500.00",
                    decision.detail());
        }

        @Test
        void openPositionsCapReached() {
            Settings s = new Settings();
            s.caps = new Caps(null, null, 3);
            Context c = new Context();
            c.positions = 3;
            CopyDecision decision = buy10(s, c);
            assertSkipped(SkipReason.OVER_POSITIONS_CAP, decision);
            assertEquals("3 copied positions are open, the cap is 3", decision.detail());
        }

        @Test
        void openPositionsBelowTheCap() {
            Settings s = new Settings();
            s.caps = new Caps(null, null, 3);
            Context c = new Context();
            c.positions = 2;
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", buy10(s, c));
        }

        @Test
        void addingToAHeldPositionOpensNone() {
            Settings s = new Settings();
            s.caps = new Caps(null, null, 3);
            Context c = new Context();
            c.positions = 3;
            c.held = "5";
            c.leaderHeld = "10";
            assertCopied(Side.BUY, "10", Effect.OPENS, "100.10", buy10(s, c));
        }

        @Test
        void aShortBesideACopiedLongIsANewPosition() {
            Settings s = new Settings();
            s.caps = new Caps(null, null, 3);
            Context c = new Context();
            c.positions = 3;
            c.held = "5";
            c.leaderHeld = "0";
            assertSkipped(
                    SkipReason.OVER_POSITIONS_CAP,
                    CopyDecider.decide(s.build(), trade(Side.SELL, "10"), c.build()));
        }
    }

    @Nested
    @DisplayName("shorts: a sell while the leader held nothing or less opens or adds to a short")
    class Shorts {

        @Test
        void aSellFromFlatOpensAShortAtTheBid() {
            CopyDecision decision =
                    CopyDecider.decide(
                            new Settings().build(), trade(Side.SELL, "10"), new Context().build());
            assertCopied(Side.SELL, "10", Effect.OPENS, "99.90", decision);
        }

        @Test
        void aSellWhileShortAddsToIt() {
            Context c = new Context();
            c.leaderHeld = "-10";
            c.held = "-10";
            assertCopied(
                    Side.SELL,
                    "10",
                    Effect.OPENS,
                    "99.90",
                    CopyDecider.decide(new Settings().build(), trade(Side.SELL, "10"), c.build()));
        }

        @Test
        void aBuyWhileShortCoversInProportion() {
            Context c = new Context();
            c.leaderHeld = "-10";
            c.held = "-6";
            // the leader covers 5 of 10 = 50 %; 6 × 5 / 10 = 3, bought at the ask
            CopyDecision decision =
                    CopyDecider.decide(new Settings().build(), trade(Side.BUY, "5"), c.build());
            assertCopied(Side.BUY, "3", Effect.REDUCES, "100.10", decision);
            assertEquals(
                    "the leader reduced their short 10 AAPL by 5 (50 %); closing 6 × 5 / 10 = 3"
                            + " of 6 held copied",
                    decision.detail());
        }

        @Test
        void shortsCountAgainstTheCapsLikeLongs() {
            Settings s = new Settings();
            s.caps = new Caps(d("500"), null, null);
            // 500 / 99.90 = 5.005: 5 (499.50)
            assertCopied(
                    Side.SELL,
                    "5",
                    Effect.OPENS,
                    "99.90",
                    CopyDecider.decide(s.build(), trade(Side.SELL, "10"), new Context().build()));
        }
    }

    @Nested
    @DisplayName("exits: the leader's reduction copied in proportion, when exits are copied")
    class Exits {

        private CopyDecision sell(Settings s, Context c, String quantity) {
            return CopyDecider.decide(s.build(), trade(Side.SELL, quantity), c.build());
        }

        private Context holding(String leader, String ours) {
            Context c = new Context();
            c.leaderHeld = leader;
            c.held = ours;
            return c;
        }

        @Test
        void aPartialExitClosesTheSameShare() {
            // the leader sells 40 of 100 = 40 %; 5 × 40 / 100 = 2, sold at the bid
            CopyDecision decision = sell(new Settings(), holding("100", "5"), "40");
            assertCopied(Side.SELL, "2", Effect.REDUCES, "99.90", decision);
            assertEquals(
                    "the leader reduced their long 100 AAPL by 40 (40 %); closing 5 × 40 / 100 = 2"
                            + " of 5 held copied",
                    decision.detail());
        }

        @Test
        void aPartialExitRoundsDown() {
            // 7 × 40 / 100 = 2.8: 2
            assertCopied(
                    Side.SELL,
                    "2",
                    Effect.REDUCES,
                    "99.90",
                    sell(new Settings(), holding("100", "7"), "40"));
        }

        @Test
        void aFullExitClosesEverything() {
            CopyDecision decision = sell(new Settings(), holding("100", "7"), "100");
            assertCopied(Side.SELL, "7", Effect.REDUCES, "99.90", decision);
            assertEquals(
                    "the leader closed their long 100 AAPL; closing all 7 held copied",
                    decision.detail());
        }

        @Test
        void aReversalClosesEverythingAndCopiesNoNewShort() {
            CopyDecision decision = sell(new Settings(), holding("100", "7"), "150");
            assertCopied(Side.SELL, "7", Effect.REDUCES, "99.90", decision);
            assertTrue(
                    decision.detail()
                            .endsWith(
                                    "; the leader reversed: the 50 beyond their position are not"
                                            + " copied"),
                    decision.detail());
        }

        @Test
        void aShareOfLessThanOneUnit() {
            // 10 of 100 = 10 %; 5 × 10 / 100 = 0.5: 0
            CopyDecision decision = sell(new Settings(), holding("100", "5"), "10");
            assertSkipped(SkipReason.SIZED_TO_NOTHING, decision);
        }

        @Test
        void notCopiedWhenExitsAreNotCopied() {
            Settings s = new Settings();
            s.copyExits = false;
            CopyDecision decision = sell(s, holding("100", "5"), "40");
            assertSkipped(SkipReason.EXITS_NOT_COPIED, decision);
            assertEquals(
                    "the leader reduced their long 100 AAPL by 40 (40 %); the trader's exits are"
                            + " not copied",
                    decision.detail());
        }

        @Test
        void exitsNotCopiedIsNamedBeforeNothingToClose() {
            Settings s = new Settings();
            s.copyExits = false;
            assertSkipped(SkipReason.EXITS_NOT_COPIED, sell(s, holding("100", "0"), "40"));
        }

        @Test
        void nothingHeldCopied() {
            CopyDecision decision = sell(new Settings(), holding("100", "0"), "40");
            assertSkipped(SkipReason.NOTHING_TO_CLOSE, decision);
            assertEquals(
                    "the leader reduced their long 100 AAPL by 40 (40 %); no long AAPL is held"
                            + " copied",
                    decision.detail());
        }

        @Test
        void aCopiedShortIsNotClosedByTheLeadersLongExit() {
            assertSkipped(
                    SkipReason.NOTHING_TO_CLOSE, sell(new Settings(), holding("100", "-5"), "40"));
        }

        @Test
        void notHeldBackByStopLossInstrumentsAgeDeviationSizesOrCaps() {
            Settings s = new Settings();
            s.stopLoss = "20";
            s.denied = Set.of("AAPL");
            s.maxDelay = Duration.ofSeconds(1);
            s.maxDeviation = "1";
            s.minSize = "100000";
            s.caps = new Caps(d("1"), d("1"), 1);
            Context c = holding("100", "5");
            c.pnl = "-9000";
            c.now = T0.plusSeconds(3600);
            c.quote = new CopyQuote(d("150"), d("150"), d("150.10"));
            c.exposure = "20000";
            c.positions = 9;
            assertCopied(Side.SELL, "5", Effect.REDUCES, "150", sell(s, c, "100"));
        }

        @Test
        void waitForAnOpenMarket() {
            Context c = holding("100", "5");
            c.open = false;
            assertWaiting(SkipReason.MARKET_CLOSED, sell(new Settings(), c, "100"));
        }

        @Test
        void waitForAQuote() {
            Context c = holding("100", "5");
            c.quote = new CopyQuote(null, null, d("100.10"));
            CopyDecision decision = sell(new Settings(), c, "100");
            assertWaiting(SkipReason.NO_QUOTE, decision);
            assertEquals("no bid or last price for AAPL yet", decision.detail());
        }
    }

    @Test
    @DisplayName("the same inputs always give the same decision")
    void isDeterministic() {
        Settings s = new Settings();
        s.caps = new Caps(d("500"), d("5000"), 3);
        Context c = new Context();
        c.exposure = "4700";
        assertEquals(buy10(s, c), buy10(s, c));
    }
}
