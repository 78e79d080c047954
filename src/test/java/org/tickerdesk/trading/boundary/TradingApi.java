package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * What the trading ITs do over the real jar's API with the admin token: hold a symbol's price in
 * the simulated market, wait for a resource to become what is wanted, send any request.
 */
final class TradingApi {

    private final TickerdeskProcess server;
    private final Duration patience;

    TradingApi(TickerdeskProcess server, Duration patience) {
        this.server = server;
        this.patience = patience;
    }

    /** Injects a tick and freezes the symbol's walk there, so every price after is known. */
    void hold(String symbol, double last, double bid, double ask) throws InterruptedException {
        HttpResponse<String> held =
                send(
                        "POST",
                        "/api/v1/sim/ticks",
                        "{\"symbol\":\""
                                + symbol
                                + "\",\"last\":"
                                + last
                                + ",\"bid\":"
                                + bid
                                + ",\"ask\":"
                                + ask
                                + ",\"hold\":true}");
        assertEquals(200, held.statusCode(), held.body());
        Thread.sleep(200);
    }

    /** Reads {@code path} until it is as wanted; fails after the patience. */
    JsonObject await(String path, Predicate<JsonObject> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = Http.getAsAdmin(server.baseUrl() + path);
            last = answer.body();
            if (answer.statusCode() == 200 && wanted.test(Http.json(answer).asJsonObject())) {
                return Http.json(answer).asJsonObject();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not as wanted within " + patience + ": " + path + " " + last);
    }

    HttpResponse<String> send(String method, String path, String json) {
        return Http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)));
    }
}
