package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * A position protected at the broker, against the paper broker, which keeps OCA groups as IB does:
 * the stop and take-profit rest there, follow a change of the rules by generation, and the one that
 * fills closes the position while the other is cancelled. Prices are held (the paper broker fills a
 * purchase at the ask plus one tick of slippage, a sale at the bid less one), so every number is
 * worked out by hand.
 */
class BrokerProtectionIT {

    private static final String SYMBOL = "PROTIT";
    private static final Duration PATIENCE = Duration.ofSeconds(15);
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
    void anOcaBracketRestsFollowsTheRulesAndItsFilledHalfClosesThePosition()
            throws InterruptedException {
        API.hold(SYMBOL, 200.00, 199.99, 200.01);
        // bought at the ask 200.01 plus one tick: 200.02
        long id =
                open(
                        "{\"stopLoss\":{\"percent\":2},\"takeProfit\":{\"percent\":5},"
                                + "\"brokerProtection\":\"OCA\"}");
        // stop 200.02 x 0.98 = 196.0196 -> 196.02; target 200.02 x 1.05 = 210.021 -> 210.02
        JsonObject stop = awaitOrder("p-" + id + "-1-STOP", o -> true);
        assertEquals(new BigDecimal("196.02"), stop.getJsonNumber("stopPrice").bigDecimalValue());
        assertEquals("GTC", stop.getString("tif"));
        JsonObject target = awaitOrder("p-" + id + "-1-TP", o -> true);
        assertEquals(
                new BigDecimal("210.02"), target.getJsonNumber("limitPrice").bigDecimalValue());

        HttpResponse<String> changed =
                API.send(
                        "PUT",
                        "/api/v1/positions/" + id + "/rules",
                        "{\"stopLoss\":{\"percent\":3},\"takeProfit\":{\"percent\":5},"
                                + "\"brokerProtection\":\"OCA\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        // 200.02 x 0.97 = 194.0194 -> 194.02, in the next generation; the first is cancelled
        JsonObject next = awaitOrder("p-" + id + "-2-STOP", o -> true);
        assertEquals(new BigDecimal("194.02"), next.getJsonNumber("stopPrice").bigDecimalValue());
        awaitOrder("p-" + id + "-1-STOP", o -> o.getString("status").equals("CANCELLED"));

        API.hold(SYMBOL, 210.50, 210.49, 210.51);
        JsonObject closed = awaitPosition(id, p -> p.getString("state").equals("CLOSED"));
        // the take-profit sells at the bid 210.49 less one tick: (210.48 - 200.02) x 10 = 104.6
        assertEquals(
                new BigDecimal("104.6"), closed.getJsonNumber("realizedPnl").bigDecimalValue());
        JsonObject trigger = closed.getJsonArray("triggers").getJsonObject(0);
        assertEquals(1, closed.getJsonArray("triggers").size(), closed.toString());
        assertEquals("BROKER_TP", trigger.getString("rule"));
        awaitOrder("p-" + id + "-2-STOP", o -> o.getString("status").equals("CANCELLED"));
    }

    @Test
    void aRestingStopClosesThePositionAndTheServerSendsNothingOfItsOwn()
            throws InterruptedException {
        API.hold(SYMBOL, 100.00, 99.99, 100.01);
        // bought at 100.02; stop 100.02 - 1.00 = 99.02
        long id = open("{\"stopLoss\":{\"amount\":1},\"brokerProtection\":\"STOP\"}");
        awaitOrder("p-" + id + "-1-STOP", o -> o.getString("status").equals("SUBMITTED"));

        API.hold(SYMBOL, 98.00, 97.99, 98.01);
        JsonObject closed = awaitPosition(id, p -> p.getString("state").equals("CLOSED"));
        // the stop sells at the bid 97.99 less one tick: (97.98 - 100.02) x 10 = -20.4
        assertEquals(
                new BigDecimal("-20.4"), closed.getJsonNumber("realizedPnl").bigDecimalValue());
        assertEquals(1, closed.getJsonArray("triggers").size(), closed.toString());
        assertEquals(
                "BROKER_STOP", closed.getJsonArray("triggers").getJsonObject(0).getString("rule"));
        HttpResponse<String> serverExit =
                Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/orders/x-" + id + "-STOP_LOSS-1");
        assertEquals(404, serverExit.statusCode(), "the server's own stop stood down");
    }

    private static long open(String rules) {
        HttpResponse<String> opened =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/positions",
                        "{\"symbol\":\""
                                + SYMBOL
                                + "\",\"side\":\"BUY\",\"quantity\":10,\"rules\":"
                                + rules
                                + "}");
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject position = Http.json(opened).asJsonObject();
        assertEquals("OPEN", position.getString("state"), position.toString());
        return position.getJsonNumber("id").longValue();
    }

    private static JsonObject awaitOrder(String id, Predicate<JsonObject> wanted)
            throws InterruptedException {
        return API.await("/api/v1/orders/" + id, wanted);
    }

    private static JsonObject awaitPosition(long id, Predicate<JsonObject> wanted)
            throws InterruptedException {
        return API.await("/api/v1/positions/" + id, wanted);
    }
}
