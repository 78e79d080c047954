package org.tickerdesk.ibkr.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tickerdesk.ibkr.wire.messages.ticks.MarketDataKind;
import org.tickerdesk.ibkr.wire.messages.ticks.TickPrice;
import org.tickerdesk.ibkr.wire.messages.ticks.TickSize;
import org.tickerdesk.ibkr.wire.messages.ticks.TickString;
import org.tickerdesk.marketdata.entity.MarketDataType;
import org.tickerdesk.marketdata.entity.Quote;

class QuoteAssemblerTest {

    private final QuoteAssembler assembler = new QuoteAssembler("AAPL", MarketDataType.LIVE);

    private static TickPrice price(int type, String price, String size) {
        return new TickPrice(
                1,
                type,
                new BigDecimal(price),
                size == null ? null : new BigDecimal(size),
                false,
                false,
                false);
    }

    @Test
    void keepsTheLatestOfEachFieldAndStampsReceiptOrTradeTime() {
        assertTrue(
                assembler.size(new TickSize(1, 8, new BigDecimal("500")), 1).isEmpty(),
                "no price yet");
        assembler.price(price(1, "10.00", "3"), 2);
        assembler.price(price(2, "10.02", "4"), 3);
        assembler.size(new TickSize(1, 3, new BigDecimal("6")), 4);
        Quote quote = assembler.price(price(4, "10.01", "2"), 5).orElseThrow();
        assertEquals(
                new Quote("AAPL", 10.00, 10.02, 10.01, 3, 6, 2, 500, 5, MarketDataType.LIVE),
                quote);
        Quote traded = assembler.string(new TickString(1, 45, "1763740800"), 6).orElseThrow();
        assertEquals(1_763_740_800_000_000L, traded.timestampMicros());
        assertTrue(assembler.string(new TickString(1, 32, "ISLAND"), 7).isEmpty());
    }

    @Test
    void aCrossingTickIsSkippedAndTheQuoteStaysWhole() {
        assembler.price(price(1, "10.00", "1"), 1);
        assembler.price(price(2, "10.02", "1"), 2);
        assertEquals(Optional.empty(), assembler.price(price(1, "10.05", "9"), 3));
        Quote next = assembler.price(price(2, "10.03", "1"), 4).orElseThrow();
        assertEquals(10.00, next.bid());
        assertEquals(1, next.bidSize());
        assertEquals(10.03, next.ask());
    }

    @Test
    void noQuoteAndImpossibleValuesGiveNoCorruptQuote() {
        Quote noBid = assembler.price(price(2, "10.02", "1"), 1).orElseThrow();
        assertTrue(Double.isNaN(noBid.bid()));
        assertTrue(Double.isNaN(assembler.price(price(1, "-1", "0"), 2).orElseThrow().bid()));
        assertEquals(Optional.empty(), assembler.size(new TickSize(1, 0, new BigDecimal("-5")), 3));
        assertEquals(
                Optional.empty(),
                assembler.size(new TickSize(1, 0, null), 3),
                "IB left the size unset");
        assertEquals(Optional.empty(), assembler.price(price(1, "1e400", null), 4));
        assertEquals(
                Optional.empty(),
                assembler.price(price(6, "11", null), 5),
                "the day's high is not quoted");
    }

    @Test
    void delayedTicksFillTheSameFieldsAndTheTypeFollowsIb() {
        assembler.type(MarketDataKind.DELAYED);
        assembler.price(price(66, "41.10", "5"), 1);
        assembler.price(price(67, "41.20", "7"), 2);
        assembler.size(new TickSize(1, 74, new BigDecimal("9000")), 3);
        Quote quote = assembler.string(new TickString(1, 88, "1763740800"), 4).orElseThrow();
        assertEquals(
                new Quote(
                        "AAPL",
                        41.10,
                        41.20,
                        Double.NaN,
                        5,
                        7,
                        0,
                        9000,
                        1_763_740_800_000_000L,
                        MarketDataType.DELAYED),
                quote);
    }
}
