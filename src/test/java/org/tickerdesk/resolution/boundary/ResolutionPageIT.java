package org.tickerdesk.resolution.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
 * The Resolution page in headless Chromium, signed in as the admin, with the simulated source and
 * two instruments of this test's own that expired five days ago and that the simulated market never
 * quoted (the API takes no expiry in the past, so they are written to the database as an old
 * catalog would hold them): both are listed as awaiting; "Resolve now" resolves the event contract
 * by the seed and leaves the future awaiting, saying why; a settlement price that is not a number
 * is refused naming the field, and one that is settles the future by hand. A resolution entered
 * over REST reaches a page left open through the private {@code resolutions} stream, without a
 * reload.
 */
class ResolutionPageIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static final String FUTURE = "RPEXPZ5";
    private static final String EVENT = "RPEVT-EXP";
    private static final String PUSHED = "RPPUSHZ5";
    private static final By MESSAGES = By.id("messages_container");

    private static Browser chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void expiredInstrumentsAndSignIn() throws SQLException {
        LocalDate expired = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        insert(FUTURE, "FUTURE", expired);
        insert(EVENT, "EVENT", expired);
        insert(PUSHED, "FUTURE", expired);
        chromium = new Browser();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // a push may redraw what a wait reads: it is read again
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(SERVER.baseUrl() + "/admin/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        chromium.logIn("admin", TickerdeskProcess.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("currentUser")));
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theNavigationLeadsToTheResolutionPageBesidePositions() {
        browser.get(SERVER.baseUrl() + "/admin/");
        browser.findElement(By.id("nav")).findElement(By.linkText("Resolution")).click();

        wait.until(ExpectedConditions.titleContains("Resolution"));
        assertEquals("Resolution", browser.findElement(By.cssSelector("#nav a.active")).getText());
        assertEquals("simulated", browser.findElement(By.id("source")).getText());
    }

    @Test
    void expiredInstrumentsAwaitUntilTheRunOrTheAdminResolvesThem() {
        browser.get(SERVER.baseUrl() + "/admin/resolution.xhtml");
        assertTrue(reason(FUTURE).contains("Expired on"), reason(FUTURE));
        assertTrue(reason(EVENT).contains("Expired on"), reason(EVENT));

        chromium.click(By.id("runForm:resolveNow"), wait);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(MESSAGES, "Asked about"));
        wait.until(d -> reason(FUTURE).contains("never quoted"));
        assertEquals("simulated", resolved(EVENT, "source"));
        String outcome = resolved(EVENT, "value");
        assertTrue(List.of("YES (1)", "NO (0)").contains(outcome), outcome);
        assertTrue(
                browser.findElements(By.cssSelector("#awaiting tr[data-symbol='" + EVENT + "']"))
                        .isEmpty(),
                "no longer awaiting");

        settle("lots");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(MESSAGES, "settlementPrice"));
        assertFalse(browser.getPageSource().contains("Exception"), "no stack trace");

        settle("12.5");

        wait.until(d -> "12.5".equals(resolved(FUTURE, "value")));
        assertEquals("manual", resolved(FUTURE, "source"));
        assertEquals("0", resolved(FUTURE, "positionsSettled"));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        MESSAGES, FUTURE + " resolved at 12.5"));
    }

    @Test
    void aResolutionEnteredOverRestAppearsOnTheOpenPageWithoutReload() {
        browser.get(SERVER.baseUrl() + "/admin/resolution.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("resolutionLive"), "live"));
        assertTrue(reason(PUSHED).contains("Expired on"), reason(PUSHED));
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("window.tdSamePage = true;");

        HttpResponse<String> answer =
                Http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                SERVER.baseUrl()
                                                        + "/api/v1/instruments/"
                                                        + PUSHED
                                                        + "/resolution"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"settlementPrice\":7.25}")));
        assertEquals(200, answer.statusCode(), answer.body());

        wait.until(d -> "7.25".equals(resolved(PUSHED, "value")));
        assertEquals("manual", resolved(PUSHED, "source"));
        assertEquals("0", resolved(PUSHED, "positionsSettled"));
        String basis = resolved(PUSHED, "basis");
        assertTrue(basis.startsWith("Entered by"), basis);
        wait.until(
                d ->
                        d.findElements(By.cssSelector("#awaiting tr[data-symbol='" + PUSHED + "']"))
                                .isEmpty());
        assertEquals(
                Boolean.TRUE,
                page.executeScript("return window.tdSamePage === true;"),
                "the page was not loaded again");
    }

    private static void settle(String price) {
        WebElement input =
                wait.until(
                        ExpectedConditions.elementToBeClickable(
                                By.cssSelector("input[data-price='" + FUTURE + "']")));
        input.clear();
        input.sendKeys(price);
        chromium.click(By.cssSelector("[data-settle='" + FUTURE + "']"), wait);
    }

    private static String reason(String symbol) {
        return wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(
                                        "#awaiting tr[data-symbol='"
                                                + symbol
                                                + "'] [data-field=reason]")))
                .getText();
    }

    /**
     * A field of the instrument's row among the resolved, read again when a push or the form's
     * answer redrew the row while it was read.
     */
    private static String resolved(String symbol, String name) {
        return wait.ignoring(StaleElementReferenceException.class)
                .until(
                        d ->
                                d.findElement(
                                                By.cssSelector(
                                                        "#resolved tr[data-symbol='"
                                                                + symbol
                                                                + "'] [data-field="
                                                                + name
                                                                + "]"))
                                        .getText());
    }

    private static void insert(String symbol, String kind, LocalDate expiry) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(
                                SERVER.databaseUrl(), TickerdeskProcess.DATABASE_USER, "");
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO instruments (symbol, kind, exchange, currency,"
                                        + " tick_size, expiry, on_watchlist, created_at) VALUES"
                                        + " (?, ?, 'CME', 'USD', 0.25, ?, FALSE, ?) ON CONFLICT"
                                        + " (symbol) DO NOTHING")) {
            insert.setString(1, symbol);
            insert.setString(2, kind);
            insert.setObject(3, expiry);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
