package org.tickerdesk.trading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tickerdesk.it.Browser;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The Positions page in headless Chromium, signed in as the admin, with the paper broker and a
 * symbol of this test's own held at prices the test sets: a position opened from the page's form
 * appears with its live price, a new price moves its P&amp;L without a reload, its stop changed in
 * place moves the stop level in the table and on its chart, a bad rule is refused as a message, and
 * Close takes it out of the open table and into its event log. The steps a person takes are methods
 * here ({@link #openPositions}, {@link #openFromTheForm}, {@link #setRule}, {@link #awaitRow}).
 */
class PositionsPageIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static final String SYMBOL = "POSPG";

    /** Where the page's growl shows its messages. */
    private static final By MESSAGES = By.id("messages_container");

    private static Browser chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void signInAndHoldASymbol() {
        HttpResponse<String> watched =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/instruments",
                        "{\"symbol\":\"" + SYMBOL + "\"}");
        assertTrue(watched.statusCode() == 201 || watched.statusCode() == 409, watched.body());
        tick(50.0);
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
        Http.send(
                HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/api/v1/sim/holds/" + SYMBOL))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .DELETE());
    }

    @Test
    void theNavigationLeadsToThePositionsPageBesideOrders() {
        browser.get(SERVER.baseUrl() + "/admin/");
        browser.findElement(By.id("nav")).findElement(By.linkText("Positions")).click();

        wait.until(ExpectedConditions.titleContains("Positions"));
        assertEquals("Positions", browser.findElement(By.cssSelector("#nav a.active")).getText());
    }

    @Test
    void aPositionOpenedOnThePageIsPricedLiveItsStopMovesInPlaceAndCloseTakesItAway() {
        openPositions();

        openFromTheForm("4", "10", "20");

        String id =
                awaitRow(r -> "OPEN".equals(r.getAttribute("data-state")))
                        .getAttribute("data-position");
        // the engine learns the price of an instrument it just began to guard from its next tick
        tick(50.0);
        WebElement row = awaitRow(r -> "50".equals(r.getAttribute("data-price")));
        assertEquals(
                List.of(SYMBOL, "BUY", "4", "50.00"),
                List.of(
                        field(row, "symbol"),
                        field(row, "side"),
                        field(row, "quantity"),
                        field(row, "currentPrice")));
        double entry = number(row, "data-entry");
        assertEquals(entry * 0.9, number(row, "data-stop"), 1e-6, "10 % below the entry");
        assertEquals(entry * 1.2, number(row, "data-target"), 1e-6, "20 % above the entry");

        tick(52.0);
        awaitRow(r -> "52".equals(r.getAttribute("data-price")));
        assertEquals(
                String.format(Locale.ROOT, "+%.2f", (52.0 - entry) * 4),
                field(row(id), "unrealizedPnl"),
                "the P&L at 52");
        assertTrue(
                row(id).findElement(By.cssSelector("[data-field=unrealizedPnl]"))
                        .getAttribute("class")
                        .contains("td-up"),
                "a gain is green");
        assertTrue(stillTheSamePage(), "the page was not reloaded");

        chromium.click(By.cssSelector("#position-" + id + " [data-select]"), wait);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("detailTitle"), "Position " + id));
        wait.until(ExpectedConditions.textToBe(By.id("chartSymbol"), SYMBOL));
        wait.until(d -> row(id).getAttribute("data-stop").equals(chartAttribute("data-stop")));
        assertEquals(entry * 0.9, Double.parseDouble(chartAttribute("data-stop")), 1e-6);

        setRule(id, "stopLoss", "5");

        wait.until(d -> Math.abs(number(row(id), "data-stop") - entry * 0.95) < 1e-6);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        MESSAGES, "Position " + id + " has new rules"));
        wait.until(d -> row(id).getAttribute("data-stop").equals(chartAttribute("data-stop")));
        assertEquals(entry * 1.2, number(row(id), "data-target"), 1e-6, "the target stays");
        assertTrue(stillTheSamePage(), "the page was not reloaded");

        refusedRule(id, "stopLoss", "lots");
        assertFalse(browser.getPageSource().contains("Exception"), "no stack trace");
        assertEquals(entry * 0.95, number(row(id), "data-stop"), 1e-6, "nothing changed");

        chromium.click(By.cssSelector("#position-" + id + " [data-close]"), wait);

        wait.until(d -> d.findElements(By.id("position-" + id)).isEmpty());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("triggers"), "MANUAL"));
        assertTrue(stillTheSamePage(), "the page was not reloaded");
    }

    @Test
    void aPositionThatCannotBeOpenedSaysWhyNamingTheField() {
        openPositions();

        openFromTheForm("-3", "", "");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(MESSAGES, "quantity"));
        assertFalse(browser.getPageSource().contains("Exception"), "no stack trace");
    }

    private static void openPositions() {
        browser.get(SERVER.baseUrl() + "/admin/positions.xhtml");
        wait.until(ExpectedConditions.attributeToBe(By.id("streamStatus"), "data-state", "open"));
        ((JavascriptExecutor) browser).executeScript("window.tdNotReloaded = true;");
    }

    private static boolean stillTheSamePage() {
        return Boolean.TRUE.equals(
                ((JavascriptExecutor) browser).executeScript("return window.tdNotReloaded;"));
    }

    /** A long position in this test's symbol, as a person fills in the form. */
    private static void openFromTheForm(String quantity, String stop, String takeProfit) {
        type("openForm:symbol", SYMBOL);
        type("openForm:quantity", quantity);
        type("openForm:stop", stop);
        type("openForm:takeProfit", takeProfit);
        chromium.click(By.id("openForm:open"), wait);
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Types a new value into one of the row's rule fields and presses Apply. */
    /**
     * Types a value the server refuses and waits for the refusal naming the rule; typed again when
     * none came (on a loaded CI machine the refusal once never showed within 20 s, while the same
     * test passed alone).
     */
    private static void refusedRule(String id, String rule, String value) {
        WebDriverWait shortWait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // a push may redraw what a wait reads: it is read again
        shortWait.ignoring(StaleElementReferenceException.class);
        for (int attempt = 1; ; attempt++) {
            setRule(id, rule, value);
            try {
                shortWait.until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                MESSAGES, "rules." + rule));
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void setRule(String id, String rule, String value) {
        WebElement input = row(id).findElement(By.cssSelector("[data-rule=" + rule + "]"));
        input.clear();
        input.sendKeys(value);
        chromium.click(By.cssSelector("#position-" + id + " [data-apply]"), wait);
    }

    /** The first row of this test's symbol that is as wanted. */
    private static WebElement awaitRow(java.util.function.Predicate<WebElement> wanted) {
        return wait.until(
                d ->
                        d.findElements(By.cssSelector("#positionRows tr")).stream()
                                .filter(r -> SYMBOL.equals(field(r, "symbol")))
                                .filter(wanted)
                                .findFirst()
                                .orElse(null));
    }

    private static WebElement row(String id) {
        return browser.findElement(By.id("position-" + id));
    }

    private static String field(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-field=" + name + "]")).getText();
    }

    private static double number(WebElement row, String attribute) {
        return Double.parseDouble(row.getAttribute(attribute));
    }

    private static String chartAttribute(String name) {
        return browser.findElement(By.id("chart")).getAttribute(name);
    }

    private static void tick(double last) {
        HttpResponse<String> injected =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/sim/ticks",
                        "{\"symbol\":\"" + SYMBOL + "\",\"last\":" + last + ",\"hold\":true}");
        assertEquals(200, injected.statusCode(), injected.body());
    }
}
