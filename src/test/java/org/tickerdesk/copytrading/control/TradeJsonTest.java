package org.tickerdesk.copytrading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.copytrading.entity.LeaderTrade;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;
import org.tickerdesk.trading.entity.Side;

/** A webhook trade read strictly: the issue's example, and each refusal named by its field. */
class TradeJsonTest {

    private static LeaderTrade read(String json) {
        return TradeJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> refused(String json) {
        InvalidTradeException e = assertThrows(InvalidTradeException.class, () -> read(json));
        assertEquals(400, e.status());
        assertEquals("invalid_trade", e.code());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void theIssuesExampleIsABuyOfTenAaplAt19012() {
        LeaderTrade trade =
                read(
                        "{\"tradeId\":\"t-1\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":10,"
                                + "\"price\":190.12,\"time\":\"2026-11-30T10:00:00Z\"}");
        assertEquals("t-1", trade.tradeId());
        assertEquals("AAPL", trade.symbol());
        assertEquals(Side.BUY, trade.side());
        assertEquals(new BigDecimal("10"), trade.quantity());
        assertEquals(new BigDecimal("190.12"), trade.price());
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), trade.time());
        assertNull(trade.leaderPortfolioValue());
    }

    @Test
    void aLowerCaseSymbolAndSideAndAnOffsetTimeAreTakenAsMeant() {
        LeaderTrade trade =
                read(
                        "{\"tradeId\":\"x\",\"symbol\":\"brk.b\",\"side\":\"sell\",\"quantity\":"
                                + "\"3\",\"price\":1.5,\"time\":\"2026-11-30T11:00:00+01:00\","
                                + "\"leaderPortfolioValue\":250000}");
        assertEquals("BRK.B", trade.symbol());
        assertEquals(Side.SELL, trade.side());
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), trade.time());
        assertEquals(new BigDecimal("250000"), trade.leaderPortfolioValue());
    }

    @Test
    void aNegativeQuantityIsRefusedByName() {
        assertEquals(
                List.of("quantity"),
                refused(
                        "{\"tradeId\":\"t-1\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":-10,"
                            + "\"price\":190.12,\"time\":\"2026-11-30T10:00:00Z\"}"));
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        assertEquals(
                List.of("colour", "tradeId", "symbol", "side", "quantity", "price", "time"),
                refused(
                        "{\"colour\":\"red\",\"tradeId\":\"\",\"symbol\":\"A A\",\"side\":\"HOLD\","
                                + "\"quantity\":\"ten\",\"price\":0,\"time\":\"yesterday\"}"));
        assertEquals(
                List.of("tradeId", "symbol", "side", "quantity", "price", "time"), refused("{}"));
    }

    @Test
    void aBodyThatIsNoJsonObjectIsABadRequest() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("{\"tradeId\":"));
        assertEquals(400, e.status());
        assertEquals(400, assertThrows(ProblemException.class, () -> read("[]")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> read("")).status());
    }
}
