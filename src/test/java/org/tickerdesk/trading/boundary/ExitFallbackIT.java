package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * A stop that triggers but whose limit exit does not fill is not left behind: after its fallback
 * time the limit is cancelled and the rest goes at market. Prices are held, so the limit cannot
 * fill: it sells at the trigger price (offset 0) while the bid stays below it.
 */
class ExitFallbackIT {

    private static final String SYMBOL = "FALLIT";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static final TradingApi API = new TradingApi(SERVER, PATIENCE);

    @BeforeAll
    static void watchASymbolOfItsOwn() {
        HttpResponse<String> watched =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/instruments",
                        "{\"symbol\":\"" + SYMBOL + "\"}");
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
    }

    @AfterAll
    static void unwatch() {
        API.send("DELETE", "/api/v1/sim/holds/" + SYMBOL, null);
        API.send("DELETE", "/api/v1/instruments/" + SYMBOL, null);
    }

    @Test
    void anUnfilledLimitExitFallsBackToMarketAfterItsTime() throws InterruptedException {
        API.hold(SYMBOL, 100.00, 99.99, 100.01);
        HttpResponse<String> opened =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/positions",
                        "{\"symbol\":\""
                                + SYMBOL
                                + "\",\"side\":\"BUY\",\"quantity\":5,\"rules\":{\"stopLoss\":"
                                + "{\"amount\":2},\"exitOrder\":{\"type\":\"LIMIT\","
                                + "\"offsetPercent\":0,\"fallbackSeconds\":2}}}");
        assertEquals(201, opened.statusCode(), opened.body());
        long id = Http.json(opened).asJsonObject().getJsonNumber("id").longValue();
        // bought at 100.02: the stop is at 98.02; 97.90 fires it, the limit sells at 97.90
        API.hold(SYMBOL, 97.90, 97.80, 97.95);
        JsonObject limit = API.await("/api/v1/orders/x-" + id + "-STOP_LOSS-1", o -> true);
        assertEquals("LMT", limit.getString("type"));
        assertEquals(new BigDecimal("97.9"), limit.getJsonNumber("limitPrice").bigDecimalValue());

        JsonObject closed =
                API.await("/api/v1/positions/" + id, p -> p.getString("state").equals("CLOSED"));
        JsonObject trigger = closed.getJsonArray("triggers").getJsonObject(0);
        assertEquals(2, trigger.getInt("attempt"), trigger.toString());
        assertEquals("MKT", trigger.getString("orderType"));
        // at market: the bid 97.80 less one tick, (97.79 - 100.02) x 5 = -11.15
        assertEquals(
                new BigDecimal("-11.15"), closed.getJsonNumber("realizedPnl").bigDecimalValue());
        assertEquals(
                "CANCELLED",
                API.await("/api/v1/orders/x-" + id + "-STOP_LOSS-1", o -> true)
                        .getString("status"));
    }
}
