package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
 * The Orders page in headless Chromium, signed in as the admin, with the paper broker: an order
 * placed over REST appears on top without a reload, Cancel on it turns it CANCELLED, a refused
 * cancel says why as a message, and an order's id leads to its fills. The steps a person takes are
 * methods here ({@link #openOrders}, {@link #row}, {@link #statusOf}, {@link #cancel}).
 */
class OrdersPageIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();

    /** Where the page's growl shows its messages: a container of its own, at the page's end. */
    private static final By MESSAGES = By.id("messages_container");

    private static Browser chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void signIn() {
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
    void theNavigationLeadsToTheOrdersPage() {
        browser.get(SERVER.baseUrl() + "/admin/");
        browser.findElement(By.id("nav")).findElement(By.linkText("Orders")).click();

        wait.until(ExpectedConditions.titleContains("Orders"));
        assertEquals("Orders", browser.findElement(By.cssSelector("#nav a.active")).getText());
        assertEquals("paper", browser.findElement(By.id("brokerInUse")).getText());
    }

    @Test
    void anOrderPlacedOverRestAppearsOnTopWithoutAReloadAndCancelTurnsItCancelled() {
        openOrders();
        String id = place("LMT", "\"limitPrice\":1.00,");

        WebElement row = awaitStatus(id, "SUBMITTED");
        assertEquals(
                "order-" + id,
                browser.findElement(By.cssSelector("#orderRows tr")).getAttribute("id"),
                "the newest order is on top");
        assertEquals(
                List.of("AAPL", "BUY", "3", "LMT GTC", "1", "0", "–"),
                List.of(
                        field(row, "symbol"),
                        field(row, "side"),
                        field(row, "quantity"),
                        field(row, "type"),
                        field(row, "prices"),
                        field(row, "filledQuantity"),
                        field(row, "avgFillPrice")));
        assertTrue(stillTheSamePage(), "the page was not reloaded");

        cancel(id);

        awaitStatus(id, "CANCELLED");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        MESSAGES, "Order " + id + " is CANCELLED"));
        assertFalse(
                row(id).findElement(By.cssSelector("[data-cancel]")).isEnabled(),
                "a cancelled order cannot be cancelled again");
        assertTrue(stillTheSamePage(), "the page was not reloaded");
    }

    @Test
    void aRefusedCancelSaysWhyAsAMessage() {
        openOrders();
        String id = place("LMT", "\"limitPrice\":1.00,");
        awaitStatus(id, "SUBMITTED");
        HttpResponse<String> cancelled =
                Http.send(
                        HttpRequest.newBuilder(
                                        URI.create(SERVER.baseUrl() + "/api/v1/orders/" + id))
                                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                                .DELETE());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        awaitStatus(id, "CANCELLED");

        // the page's button is disabled by now: ask through its form as a late click would
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.getElementById('cancelForm:order').value = arguments[0];"
                                + " document.getElementById('cancelForm:cancel').click();",
                        id);

        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        MESSAGES, id + " is CANCELLED: only a working order can be cancelled"));
        assertFalse(browser.getPageSource().contains("Exception"), "no stack trace");
    }

    @Test
    void anOrdersIdLeadsToItsFills() {
        openOrders();
        String id = place("MKT", "");
        awaitStatus(id, "FILLED");

        chromium.click(By.cssSelector("#order-" + id + " [data-field=clientOrderId]"), wait);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fills")));
        assertTrue(
                browser.findElement(By.id("detail")).getText().contains("Order " + id),
                browser.findElement(By.id("detail")).getText());
        assertEquals(1, browser.findElements(By.cssSelector("#fills tbody tr")).size());
        assertEquals("3", field(row(id), "filledQuantity"));
    }

    private static void openOrders() {
        browser.get(SERVER.baseUrl() + "/admin/orders.xhtml");
        wait.until(ExpectedConditions.attributeToBe(By.id("streamStatus"), "data-state", "open"));
        ((JavascriptExecutor) browser).executeScript("window.tdNotReloaded = true;");
    }

    private static boolean stillTheSamePage() {
        return Boolean.TRUE.equals(
                ((JavascriptExecutor) browser).executeScript("return window.tdNotReloaded;"));
    }

    /** Places a buy of 3 AAPL over REST, as a program with the admin's token does; its id. */
    private static String place(String type, String prices) {
        String id = "it-page-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> placed =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/orders",
                        "{\"clientOrderId\":\""
                                + id
                                + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":3,"
                                + "\"type\":\""
                                + type
                                + "\","
                                + prices
                                + "\"tif\":\"GTC\"}");
        assertEquals(201, placed.statusCode(), placed.body());
        return id;
    }

    private static WebElement row(String id) {
        return browser.findElement(By.id("order-" + id));
    }

    private static String field(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-field=" + name + "]")).getText();
    }

    private static String statusOf(String id) {
        List<WebElement> rows = browser.findElements(By.id("order-" + id));
        return rows.isEmpty() ? "" : field(rows.get(0), "status");
    }

    private static WebElement awaitStatus(String id, String status) {
        wait.until(d -> status.equals(statusOf(id)));
        return row(id);
    }

    private static void cancel(String id) {
        chromium.click(By.cssSelector("#order-" + id + " [data-cancel]"), wait);
    }
}
