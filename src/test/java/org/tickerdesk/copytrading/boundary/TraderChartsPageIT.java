package org.tickerdesk.copytrading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tickerdesk.it.Browser;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The copy-trading charts and the trader page's intake in a headless Chromium signed in as the
 * admin, fed by signed webhook trades on the real jar with the paper broker. The symbol is a
 * synthetic stock of the simulated market whose price the test holds at bid 99.99, ask 100.01; the
 * paper broker fills a market order one tick (0.01) beyond it, without commission: a copied buy
 * fills at 100.02, a copied sell at 99.98. Every leader trades at 100 and is copied at a ratio of
 * 0.5, so a leader's round trip of 10 is a copied round trip of 5 that realises 5 × (99.98 −
 * 100.02) = −0.2, and each copied fill slipped 0.02 against the leader's 100: 2 basis points. The
 * same data is read over REST ({@code /traders/{id}/curve} and {@code /fidelity}).
 */
class TraderChartsPageIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static final String SYMBOL = "CTCHART";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Browser chromium;

    /** A trader followed by webhook, created over REST; its id and its secret. */
    private record Leader(long id, String secret) {}

    @BeforeAll
    static void holdThePriceAndSignIn() throws InterruptedException {
        HttpResponse<String> watched =
                admin("POST", "/api/v1/instruments", AroundTheClock.instrument(SYMBOL));
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
        String tick =
                "{\"symbol\":\""
                        + SYMBOL
                        + "\",\"last\":100,\"bid\":99.99,\"ask\":100.01,\"hold\":true}";
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> held = admin("POST", "/api/v1/sim/ticks", tick);
        while (held.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100); // a symbol just watched is streamed a moment later
            held = admin("POST", "/api/v1/sim/ticks", tick);
        }
        assertEquals(200, held.statusCode(), held.body());
        // the held ask reaches the quotes the intake sizes and prices a copy by a moment later
        HttpResponse<String> quote = admin("GET", "/api/v1/quotes/" + SYMBOL, null);
        while (!(quote.statusCode() == 200 && quote.body().contains("\"ask\":100.01"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            quote = admin("GET", "/api/v1/quotes/" + SYMBOL, null);
        }
        assertEquals(200, quote.statusCode(), quote.body());

        chromium = new Browser();
        WebDriver browser = chromium.driver();
        browser.get(SERVER.baseUrl() + "/admin/");
        waiting(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        chromium.logIn("admin", TickerdeskProcess.ADMIN_PASSWORD);
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("currentUser")));
    }

    @AfterAll
    static void closeAndUnwatch() {
        if (chromium != null) {
            chromium.close();
        }
        for (JsonValue p :
                Http.json(admin("GET", "/api/v1/positions?state=OPEN&limit=500", null))
                        .asJsonArray()) {
            if (p.asJsonObject().getString("symbol").equals(SYMBOL)) {
                admin(
                        "POST",
                        "/api/v1/positions/" + p.asJsonObject().getInt("id") + "/close",
                        null);
            }
        }
        admin("DELETE", "/api/v1/sim/holds/" + SYMBOL, null);
        admin("DELETE", "/api/v1/instruments/" + SYMBOL, null);
    }

    @Test
    void theCurveOfCopiedPnlIsDrawnAndRedrawnWhenACopiedPositionCloses()
            throws InterruptedException {
        Leader leader = follow("Curve", "");
        roundTrip(leader, "c-1", "c-2");
        WebDriver page = chromium.driver();
        page.get(SERVER.baseUrl() + "/admin/traders.xhtml");
        waiting(page).until(ExpectedConditions.textToBe(By.id("tradersLive"), "live"));
        awaitSubscribed(page, "tradersTable");
        By curve = By.cssSelector("#trader-" + leader.id() + " [data-field=curve]");
        By pnl = By.cssSelector("#trader-" + leader.id() + " [data-field=copiedPnl]");

        // one close of −0.2, and the last point the same with nothing open
        waiting(page).until(d -> "1".equals(d.findElement(curve).getAttribute("data-closed")));
        assertEquals("-0.2", page.findElement(curve).getAttribute("data-last"));
        assertEquals("2", page.findElement(curve).getAttribute("data-points"));
        assertEquals("-0.2", page.findElement(pnl).getText());
        assertFalse(
                page.findElement(curve).findElements(By.tagName("canvas")).isEmpty(),
                "ECharts drew the sparkline");
        markNotReloaded(page);

        roundTrip(leader, "c-3", "c-4");

        // −0.2 twice: two closes and the last point, pushed without a reload
        waiting(page).until(d -> "2".equals(d.findElement(curve).getAttribute("data-closed")));
        waiting(page).until(d -> "-0.4".equals(d.findElement(curve).getAttribute("data-last")));
        assertEquals("3", page.findElement(curve).getAttribute("data-points"));
        waiting(page).until(d -> "-0.4".equals(d.findElement(pnl).getText()));
        assertNotReloaded(page);

        // the same curve over REST: −0.2 at the first close, −0.4 at the second and now
        HttpResponse<String> read = admin("GET", "/api/v1/traders/" + leader.id() + "/curve", null);
        assertEquals(200, read.statusCode(), read.body());
        JsonObject rest = Http.json(read).asJsonObject();
        assertEquals(leader.id(), rest.getJsonNumber("traderId").longValue());
        assertEquals(2, rest.getInt("closed"));
        assertAmount("-0.4", rest, "pnl");
        assertEquals(3, rest.getJsonArray("points").size());
        assertAmount("-0.2", rest.getJsonArray("points").getJsonObject(0), "pnl");
        assertAmount("-0.4", rest.getJsonArray("points").getJsonObject(1), "pnl");
    }

    @Test
    void theTraderPageChartsFidelityAndAddsANewCopyWithoutAReload() throws InterruptedException {
        Leader leader = follow("Fidelity", "");
        JsonObject bought = Http.json(signed(leader, trade("f-1", "BUY", "10"))).asJsonObject();
        assertEquals("COPIED", bought.getString("status"), bought.toString());
        awaitFilled(leader, "f-1");
        WebDriver page = openTraderPage(leader);
        By chart = By.id("fidelityChart");

        waiting(page).until(d -> "1".equals(d.findElement(chart).getAttribute("data-points")));
        assertFalse(
                page.findElement(chart).findElements(By.tagName("canvas")).isEmpty(),
                "ECharts drew the fidelity chart");
        // one buy filled at 100.02 against the leader's 100: 0.02, 0.02 / 100 × 10,000 = 2 bps
        assertEquals("0.02", page.findElement(By.id("fidelity-slippageP50")).getText());
        assertEquals("2", page.findElement(By.id("fidelity-slippageBpsP50")).getText());
        assertEquals("1", page.findElement(By.id("fidelity-copied")).getText());
        assertEquals("1", page.findElement(By.id("fidelity-filled")).getText());
        BigDecimal toOrder =
                new BigDecimal(page.findElement(By.id("fidelity-delayToOrderMsP50")).getText());
        assertTrue(toOrder.signum() >= 0, "a delay to the order: " + toOrder);
        markNotReloaded(page);

        // the leader sells all 10: the 5 copied are sold at 99.98, 0.02 under the leader's 100
        JsonObject sold = Http.json(signed(leader, trade("f-2", "SELL", "10"))).asJsonObject();
        assertEquals("COPIED", sold.getString("status"), sold.toString());

        waiting(page).until(d -> "2".equals(d.findElement(chart).getAttribute("data-points")));
        waiting(page).until(d -> "2".equals(d.findElement(By.id("fidelity-filled")).getText()));
        assertEquals("2", page.findElement(By.id("fidelity-copied")).getText());
        // 0.02 and 0.02: both percentiles 0.02, 2 bps
        assertEquals("0.02", page.findElement(By.id("fidelity-slippageP95")).getText());
        assertEquals("2", page.findElement(By.id("fidelity-slippageBpsP95")).getText());
        assertNotReloaded(page);

        // the same series over REST, by the leader's time
        HttpResponse<String> read =
                admin("GET", "/api/v1/traders/" + leader.id() + "/fidelity", null);
        assertEquals(200, read.statusCode(), read.body());
        JsonObject rest = Http.json(read).asJsonObject();
        assertEquals(2, rest.getJsonArray("points").size());
        assertEquals("f-1", rest.getJsonArray("points").getJsonObject(0).getString("tradeId"));
        assertEquals("f-2", rest.getJsonArray("points").getJsonObject(1).getString("tradeId"));
        assertAmount("2", rest.getJsonArray("points").getJsonObject(1), "slippageBps");
        assertAmount("0.02", rest.getJsonObject("figures"), "slippageP50");
        assertEquals(2, rest.getJsonObject("figures").getInt("filled"));
    }

    @Test
    void aTraderWithNothingCopiedHasEmptyChartsAndAnUnknownOneIsAProblem() {
        Leader leader = follow("Empty", "");

        JsonObject curve =
                Http.json(admin("GET", "/api/v1/traders/" + leader.id() + "/curve", null))
                        .asJsonObject();
        assertEquals(0, curve.getInt("closed"));
        assertEquals(JsonValue.NULL, curve.get("pnl"));
        assertEquals(0, curve.getJsonArray("points").size());
        JsonObject fidelity =
                Http.json(admin("GET", "/api/v1/traders/" + leader.id() + "/fidelity", null))
                        .asJsonObject();
        assertEquals(0, fidelity.getJsonArray("points").size());
        assertEquals(0, fidelity.getJsonObject("figures").getInt("copied"));
        assertEquals(JsonValue.NULL, fidelity.getJsonObject("figures").get("slippageP50"));

        for (String path :
                List.of(
                        "/api/v1/traders/999999999/curve",
                        "/api/v1/traders/x1/fidelity",
                        "/api/v1/traders/999999999/fidelity")) {
            HttpResponse<String> unknown = admin("GET", path, null);
            assertEquals(404, unknown.statusCode(), path + ": " + unknown.body());
            assertTrue(
                    unknown.headers()
                            .firstValue("Content-Type")
                            .orElse("")
                            .startsWith("application/problem+json"),
                    path);
            assertEquals(
                    "unknown_trader", Http.json(unknown).asJsonObject().getString("code"), path);
        }
        HttpResponse<String> anonymous =
                Http.send(
                        HttpRequest.newBuilder(
                                URI.create(
                                        SERVER.baseUrl()
                                                + "/api/v1/traders/"
                                                + leader.id()
                                                + "/curve")));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
    }

    private static void assertAmount(String expected, JsonObject o, String field) {
        assertTrue(o.containsKey(field), field + " in " + o);
        BigDecimal actual = o.getJsonNumber(field).bigDecimalValue();
        assertEquals(
                0, new BigDecimal(expected).compareTo(actual), field + " " + actual + " in " + o);
    }

    @Test
    void theIntakeLogShowsASkippedWebhookTradeWithItsReasonWithoutAReload() {
        Leader leader = follow("Intake", ",\"caps\":{\"perTrade\":50}");
        WebDriver page = openTraderPage(leader);
        assertFalse(page.findElements(By.id("noIntake")).isEmpty(), "no trade yet");
        markNotReloaded(page);

        // 5 copied at about 100 is some 500, over the cap of 50 per trade
        HttpResponse<String> answer = signed(leader, trade("i-1", "BUY", "10"));
        assertEquals(202, answer.statusCode(), answer.body());

        By row = By.cssSelector("#intakeTable tr[data-status=SKIPPED]");
        waiting(page).until(d -> !d.findElements(row).isEmpty());
        WebElement skipped = page.findElement(row);
        assertTrue(skipped.getText().contains("i-1"), skipped.getText());
        assertEquals(
                "SKIPPED", skipped.findElement(By.cssSelector("[data-field=status]")).getText());
        assertEquals(
                "over the cap per trade",
                skipped.findElement(By.cssSelector("[data-field=reason]")).getText());
        assertEquals(1, page.findElements(By.cssSelector("#intakeTable tr[data-entry]")).size());
        assertNotReloaded(page);
    }

    /** The leader buys 10 and sells them: the 5 copied are bought, then sold and closed. */
    private static void roundTrip(Leader leader, String buyId, String sellId)
            throws InterruptedException {
        JsonObject bought = Http.json(signed(leader, trade(buyId, "BUY", "10"))).asJsonObject();
        assertEquals("COPIED", bought.getString("status"), bought.toString());
        long position = awaitOpen(bought.getString("clientOrderId"));
        JsonObject sold = Http.json(signed(leader, trade(sellId, "SELL", "10"))).asJsonObject();
        assertEquals("COPIED", sold.getString("status"), sold.toString());
        assertEquals("REDUCES", sold.getString("copyEffect"), sold.toString());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonObject p =
                    Http.json(admin("GET", "/api/v1/positions/" + position, null)).asJsonObject();
            if ("CLOSED".equals(p.getString("state"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("position " + position + " did not close: " + p);
            }
            Thread.sleep(100);
        }
    }

    private static WebDriver openTraderPage(Leader leader) {
        WebDriver page = chromium.driver();
        page.get(SERVER.baseUrl() + "/admin/trader.xhtml?id=" + leader.id());
        waiting(page).until(ExpectedConditions.presenceOfElementLocated(By.id("fidelityChart")));
        // open, and the server answered the subscription: a push from now on reaches the page
        waiting(page)
                .until(
                        d ->
                                Boolean.TRUE.equals(
                                        ((JavascriptExecutor) d)
                                                .executeScript(
                                                        "var m ="
                                                            + " document.getElementById('intakeStream');"
                                                            + " var s = m &&"
                                                            + " window.TickerdeskStream.shared(m.getAttribute('data-ws'));"
                                                            + " return !!s && s.state === 'open' &&"
                                                            + " Object.keys(s.pending).length ==="
                                                            + " 0;")));
        return page;
    }

    /**
     * Until the stream named by the element's data-ws is open and the server answered its
     * subscriptions: a push from then on reaches the page.
     */
    private static void awaitSubscribed(WebDriver page, String element) {
        waiting(page)
                .until(
                        d ->
                                Boolean.TRUE.equals(
                                        ((JavascriptExecutor) d)
                                                .executeScript(
                                                        "var m = document.getElementById("
                                                                + "arguments[0]); var s = m &&"
                                                                + " window.TickerdeskStream"
                                                                + ".shared(m.getAttribute("
                                                                + "'data-ws')); return !!s &&"
                                                                + " s.state === 'open' &&"
                                                                + " Object.keys(s.pending)"
                                                                + ".length === 0;",
                                                        element)));
    }

    private static long awaitOpen(String entryOrderId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            for (JsonValue p :
                    Http.json(admin("GET", "/api/v1/positions?state=OPEN&limit=500", null))
                            .asJsonArray()) {
                JsonObject position = p.asJsonObject();
                if (position.get("entryOrderId") instanceof JsonString id
                        && id.getString().equals(entryOrderId)) {
                    return position.getJsonNumber("id").longValue();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no open position for " + entryOrderId);
            }
            Thread.sleep(100);
        }
    }

    private static void awaitFilled(Leader leader, String tradeId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            for (JsonValue e :
                    Http.json(admin("GET", "/api/v1/traders/" + leader.id() + "/intake", null))
                            .asJsonArray()) {
                JsonObject entry = e.asJsonObject();
                if (entry.getString("tradeId").equals(tradeId)
                        && entry.get("fillPrice") != JsonValue.NULL) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the copy of " + tradeId + " did not fill");
            }
            Thread.sleep(100);
        }
    }

    private static Leader follow(String name, String more) {
        HttpResponse<String> created =
                admin(
                        "POST",
                        "/api/v1/traders",
                        "{\"name\":\"Chart "
                                + name
                                + "-"
                                + System.nanoTime()
                                + "\",\"feed\":\"webhook\",\"allocation\":100000,"
                                + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5}"
                                + more
                                + "}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject trader = Http.json(created).asJsonObject();
        return new Leader(trader.getJsonNumber("id").longValue(), trader.getString("secret"));
    }

    private static String trade(String tradeId, String side, String quantity) {
        return "{\"tradeId\":\""
                + tradeId
                + "\",\"symbol\":\""
                + SYMBOL
                + "\",\"side\":\""
                + side
                + "\",\"quantity\":"
                + quantity
                + ",\"price\":100,\"time\":\""
                + Instant.now()
                + "\"}";
    }

    /** Without a bearer token: the webhook proves itself by its signature alone. */
    private static HttpResponse<String> signed(Leader leader, String body) {
        return Http.send(
                HttpRequest.newBuilder(
                                URI.create(
                                        SERVER.baseUrl()
                                                + "/api/v1/traders/"
                                                + leader.id()
                                                + "/trades"))
                        .header("Content-Type", "application/json")
                        .header("X-Tickerdesk-Signature", sign(leader.secret(), body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256="
                    + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return Http.send(request);
    }

    private static void markNotReloaded(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
    }

    private static void assertNotReloaded(WebDriver browser) {
        assertEquals(
                Boolean.TRUE,
                ((JavascriptExecutor) browser).executeScript("return window.notReloaded;"),
                "the page was not loaded again");
    }

    private static WebDriverWait waiting(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        // a push may redraw what a wait reads: it is read again
        wait.ignoring(StaleElementReferenceException.class);
        // a pushed change or an Ajax answer redraws what a condition reads
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait;
    }
}
