package org.tickerdesk.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.AdminSession;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The safe defaults, tried from outside as an attacker or a careless client would: REST takes
 * bearer tokens only and remembers nothing of them, the admin's cookie never writes through the
 * API, private data needs credentials, and the pages tell the browser to protect them.
 */
class SecurityIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static AdminSession admin;

    @BeforeAll
    static void logIn() {
        admin = AdminSession.logIn(SERVER.baseUrl(), "admin", TickerdeskProcess.ADMIN_PASSWORD);
        assertTrue(admin.loggedIn(), admin.page());
    }

    @Test
    void aBearerCallSetsNoCookie() {
        HttpResponse<String> read = bearer(HttpRequest.newBuilder(api("/api/v1/orders")).GET());
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(List.of(), read.headers().allValues("Set-Cookie"), "no session for a token");

        HttpResponse<String> write =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/instruments", "{\"symbol\":\"NOCOOKIE\"}");
        assertEquals(201, write.statusCode(), write.body());
        assertEquals(List.of(), write.headers().allValues("Set-Cookie"));
    }

    @Test
    void theAdminsLoginCookieNeverWritesThroughTheApi() {
        HttpResponse<String> write =
                admin.send(
                        HttpRequest.newBuilder(api("/api/v1/instruments"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"symbol\":\"CSRF\"}")));
        assertProblem(write, 401, "unauthorized");
        assertEquals(
                404,
                Http.get(SERVER.baseUrl() + "/api/v1/instruments/CSRF").statusCode(),
                "nothing was created");

        HttpResponse<String> cancel =
                admin.send(HttpRequest.newBuilder(api("/api/v1/orders/any")).DELETE());
        assertProblem(cancel, 401, "unauthorized");
    }

    @Test
    void theAdminsLoginCookieStillReadsPrivateDataAndOpensThePages() {
        assertEquals(200, admin.get("/api/v1/orders").statusCode());
        assertEquals(200, admin.get("/admin/").statusCode());
        assertEquals(200, admin.get("/metrics").statusCode());
    }

    @Test
    void privateDataWithoutCredentialsIs401() {
        assertProblem(Http.get(SERVER.baseUrl() + "/api/v1/orders"), 401, "unauthorized");
        assertProblem(
                Http.get(SERVER.baseUrl() + "/api/v1/orders/some-order"), 401, "unauthorized");
        assertEquals(
                200,
                Http.get(SERVER.baseUrl() + "/api/v1/instruments").statusCode(),
                "market data stays public by default");
    }

    @Test
    void writesWithoutCredentialsOrWithAWrongTokenAre401() {
        HttpResponse<String> anonymous =
                Http.send(
                        HttpRequest.newBuilder(api("/api/v1/instruments"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"symbol\":\"ANON\"}")));
        assertProblem(anonymous, 401, "unauthorized");
        assertEquals(
                "Bearer realm=\"tickerdesk\"",
                anonymous.headers().firstValue("WWW-Authenticate").orElse(""));

        HttpResponse<String> wrong =
                Http.send(
                        HttpRequest.newBuilder(api("/api/v1/quotes"))
                                .header("Authorization", "Bearer not-a-token-of-ours")
                                .GET());
        assertProblem(wrong, 401, "unauthorized");
        assertTrue(
                wrong.headers()
                        .firstValue("WWW-Authenticate")
                        .orElse("")
                        .contains("invalid_token"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        String cookie = admin.setCookieHeader();
        String lower = cookie.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("; httponly"), cookie);
        assertTrue(lower.contains("; samesite=strict"), cookie);
        assertFalse(lower.contains("; secure"), "plain HTTP: not Secure, or it would not return");

        HttpResponse<String> behindTls =
                Http.send(
                        HttpRequest.newBuilder(api("/login.xhtml"))
                                .header("X-Forwarded-Proto", "https")
                                .GET());
        String proxied = behindTls.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(proxied.toLowerCase(Locale.ROOT).contains("; secure"), proxied);
    }

    @Test
    void pagesCarryTheProtectiveHeaders() {
        for (HttpResponse<String> page :
                new HttpResponse[] {
                    Http.get(SERVER.baseUrl() + "/login.xhtml"), admin.get("/admin/")
                }) {
            assertEquals(200, page.statusCode());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertTrue(csp.contains("object-src 'none'"), csp);
            assertTrue(csp.contains("base-uri 'self'"), csp);
            assertTrue(csp.contains("default-src 'self'"), csp);
            assertTrue(csp.contains("connect-src 'self'"), csp);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        }
    }

    @Test
    void strangersSeeHealthWithoutDetailsAndNoMetrics() {
        HttpResponse<String> ready = Http.get(SERVER.baseUrl() + "/health/ready");
        assertEquals(200, ready.statusCode());
        JsonObject anonymous = Http.json(ready).asJsonObject();
        assertEquals("UP", anonymous.getString("status"));
        assertFalse(anonymous.getJsonArray("checks").isEmpty());
        anonymous.getJsonArray("checks").stream()
                .map(c -> c.asJsonObject())
                .forEach(c -> assertFalse(c.containsKey("data"), "no detail: " + ready.body()));

        assertProblem(Http.get(SERVER.baseUrl() + "/metrics"), 401, "unauthorized");
    }

    private static URI api(String path) {
        return URI.create(SERVER.baseUrl() + path);
    }

    private static HttpResponse<String> bearer(HttpRequest.Builder request) {
        return Http.send(request.header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/problem+json"),
                response.headers().toString());
        JsonObject problem = Http.json(response).asJsonObject();
        assertEquals(status, problem.getInt("status"));
        assertEquals(code, problem.getString("code"));
        assertTrue(problem.containsKey("type"), response.body());
        assertTrue(problem.containsKey("title"), response.body());
        assertTrue(problem.containsKey("detail"), response.body());
    }
}
