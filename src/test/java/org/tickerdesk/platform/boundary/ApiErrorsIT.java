package org.tickerdesk.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Bad input on the real server: every error is a problem document (never the server's HTML page),
 * with the status and code the API promises, nothing is stored, and the log gains no stack trace,
 * since a caller's mistake is not a failure of the server.
 */
class ApiErrorsIT {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

    private final TickerdeskProcess server = SharedServer.get();

    @Test
    void invalidFieldsAreValidationProblemsNamingTheFieldAndNothingIsStored() {
        int logBefore = server.output().length();
        assertInvalidInstrument(
                "{\"symbol\":\"ERRDESC\",\"description\":\"" + "d".repeat(300) + "\"}",
                "ERRDESC",
                "description");
        assertInvalidInstrument(
                "{\"symbol\":\"ERRNUL\",\"description\":\"Apple\\u0000Inc\"}",
                "ERRNUL",
                "description");
        assertInvalidInstrument(
                "{\"symbol\":\"ERRHUGE\",\"tickSize\":1e308}", "ERRHUGE", "tickSize");
        assertInvalidInstrument(
                "{\"symbol\":\"ERRTINY\",\"tickSize\":1e-12}", "ERRTINY", "tickSize");
        assertInvalidInstrument("{\"symbol\":123}", "123", "symbol");
        assertInvalidInstrument("{\"symbol\":\"ERRFIELD\",\"tick\":0.01}", "ERRFIELD", "tick");
        assertNoStackTraceSince(logBefore);
    }

    @Test
    void bodiesThatAreNotOneObjectAreBadRequests() {
        int logBefore = server.output().length();
        for (String body :
                new String[] {
                    "null",
                    "[]",
                    "\"AAPL\"",
                    "42",
                    "",
                    "{\"symbol\":\"ERRTRAIL\"} trailing",
                    "{\"symbol\":\"ERRDUP1\",\"symbol\":\"ERRDUP2\"}",
                    "{\"symbol\":\"ERRDEEP\",\"x\":"
                            + "[".repeat(20_000)
                            + "]".repeat(20_000)
                            + "}",
                    "{\"symbol\":"
                }) {
            HttpResponse<String> response = postInstrument(body, "application/json");
            JsonObject problem = assertProblem(response, 400, "bad_request");
            assertFalse(problem.getString("detail").isBlank(), response.body());
        }
        for (String symbol : new String[] {"ERRTRAIL", "ERRDUP1", "ERRDUP2", "ERRDEEP"}) {
            assertNotStored(symbol);
        }
        assertNoStackTraceSince(logBefore);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        int logBefore = server.output().length();
        StringBuilder array = new StringBuilder(5_000_010).append('[');
        while (array.length() < 5_000_000) {
            array.append("1,");
        }
        array.append("1]");
        assertProblem(postLarge(array.toString(), "application/json"), 413, "payload_too_large");
        assertProblem(
                postLarge(
                        "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                        "application/json"),
                413,
                "payload_too_large");
        assertProblem(
                postLarge(
                        "{\"symbol\":\"ERRBIG\",\"description\":\"" + "d".repeat(70_000) + "\"}",
                        "application/json"),
                413,
                "payload_too_large");
        assertNotStored("ERRBIG");
        assertNoStackTraceSince(logBefore);
    }

    @Test
    void whatJakartaRestRefusesIsAProblemToo() {
        int logBefore = server.output().length();
        assertProblem(
                postInstrument("{\"symbol\":\"ERRTEXT\"}", "text/plain"),
                415,
                "unsupported_media_type");
        assertNotStored("ERRTEXT");
        HttpResponse<String> wrongMethod =
                Http.postAsAdmin(server.baseUrl() + "/api/v1/candles/AAPL?interval=1m", "{}");
        assertProblem(wrongMethod, 405, "method_not_allowed");
        assertTrue(
                wrongMethod.headers().firstValue("Allow").orElse("").contains("GET"),
                wrongMethod.headers().toString());
        assertProblem(Http.get(server.baseUrl() + "/api/nothing-here"), 404, "not_found");
        assertProblem(Http.get(server.baseUrl() + "/api/v1/nothing-here"), 404, "not_found");
        assertNoStackTraceSince(logBefore);
    }

    @Test
    void unknownResourcesAre404WithTheirCode() {
        assertProblem(
                Http.get(server.baseUrl() + "/api/v1/instruments/NOSUCHSYM"),
                404,
                "unknown_instrument");
        assertProblem(Http.get(server.baseUrl() + "/api/v1/quotes/NOSUCHSYM"), 404, "no_quote");
        assertProblem(
                Http.getAsAdmin(server.baseUrl() + "/api/v1/orders/no-such-order"),
                404,
                "unknown_order");
    }

    @Test
    void anInvalidOrderNamesItsFieldAndIsNotStored() {
        int logBefore = server.output().length();
        HttpResponse<String> response =
                Http.postAsAdmin(
                        server.baseUrl() + "/api/v1/orders",
                        "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":1e308,\"type\":\"MKT\","
                                + "\"clientOrderId\":\"err-order-1\"}");
        JsonObject problem = assertProblem(response, 400, "invalid_order");
        assertEquals(
                "quantity",
                problem.getJsonArray("errors").getJsonObject(0).getString("field"),
                response.body());
        assertProblem(
                Http.getAsAdmin(server.baseUrl() + "/api/v1/orders/err-order-1"),
                404,
                "unknown_order");
        HttpResponse<String> history =
                Http.get(server.baseUrl() + "/api/v1/bars/AAPL?barSize=1m&bogus=1");
        assertEquals(
                "bogus",
                assertProblem(history, 400, "invalid_history_request")
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        assertNoStackTraceSince(logBefore);
    }

    private void assertInvalidInstrument(String body, String symbol, String field) {
        HttpResponse<String> response = postInstrument(body, "application/json");
        JsonObject problem = assertProblem(response, 400, "invalid_instrument");
        assertEquals(
                field,
                problem.getJsonArray("errors").getJsonObject(0).getString("field"),
                response.body());
        assertNotStored(symbol);
    }

    private void assertNotStored(String symbol) {
        assertEquals(
                404,
                Http.get(server.baseUrl() + "/api/v1/instruments/" + symbol).statusCode(),
                symbol + " must not have been stored");
    }

    private static JsonObject assertProblem(
            HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                response.body());
        assertFalse(response.body().toLowerCase().contains("<html"), response.body());
        JsonObject problem = Http.json(response).asJsonObject();
        assertEquals(status, problem.getInt("status"), response.body());
        assertEquals(code, problem.getString("code"), response.body());
        assertEquals("urn:tickerdesk:problem:" + code, problem.getString("type"), response.body());
        assertFalse(problem.getString("title").isBlank(), response.body());
        return problem;
    }

    private HttpResponse<String> postInstrument(String body, String contentType) {
        return Http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/instruments"))
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * As curl does for a large body, the client waits for the server's 100 Continue before sending
     * it, so the server's early 413 reaches it rather than the client writing into a connection the
     * server no longer reads.
     */
    private HttpResponse<String> postLarge(String body, String contentType) {
        return Http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/instruments"))
                        .version(HttpClient.Version.HTTP_1_1)
                        .expectContinue(true)
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private void assertNoStackTraceSince(int logBefore) {
        String gained = server.output().substring(logBefore);
        assertFalse(STACK_FRAME.matcher(gained).find(), "stack trace in the log:\n" + gained);
    }
}
