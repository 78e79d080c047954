package org.tickerdesk.copytrading.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * The Traders page in two headless Chromiums, both signed in as the admin: a toggle or an inline
 * edit in one shows in the other without a reload, pushed by the traders stream, and a trader
 * created over REST appears in both.
 */
class TradersPageIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();

    private static Browser first;
    private static Browser second;

    @BeforeAll
    static void signIn() {
        first = signedIn();
        second = signedIn();
    }

    @AfterAll
    static void closeBrowsers() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aToggleInOnePageShowsInAnotherWithoutAReload() {
        long id = create("Toggled-" + System.nanoTime());
        WebDriver one = open(first);
        WebDriver two = open(second);
        markNotReloaded(two);
        assertEquals("ON", field(two, id, "enabled").getText());

        one.findElement(By.cssSelector("#trader-" + id + " .td-toggle")).click();

        waiting(one).until(d -> "OFF".equals(field(d, id, "enabled").getText()));
        waiting(two).until(d -> "OFF".equals(field(d, id, "enabled").getText()));
        assertEquals(
                Boolean.TRUE,
                ((JavascriptExecutor) two).executeScript("return window.notReloaded;"));
        JsonObject stored =
                Http.json(Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/traders/" + id))
                        .asJsonObject();
        assertEquals(false, stored.getBoolean("enabled"));

        two.findElement(By.cssSelector("#trader-" + id + " .td-toggle")).click();
        waiting(one).until(d -> "ON".equals(field(d, id, "enabled").getText()));
    }

    @Test
    void anInlineEditInOnePageShowsInAnother() {
        long id = create("Edited-" + System.nanoTime());
        WebDriver one = open(first);
        WebDriver two = open(second);

        WebElement allocation =
                one.findElement(By.cssSelector("#trader-" + id + " [data-edit=allocation]"));
        allocation.clear();
        allocation.sendKeys("25000");
        WebElement value = one.findElement(By.cssSelector("#trader-" + id + " [data-edit=value]"));
        value.clear();
        value.sendKeys("0.25");
        one.findElement(By.cssSelector("#trader-" + id + " .td-save")).click();

        waiting(two).until(d -> "25000".equals(field(d, id, "allocation").getText()));
        waiting(two).until(d -> "ratio 0.25".equals(field(d, id, "sizing").getText()));
        assertEquals(
                "25000",
                two.findElement(By.cssSelector("#trader-" + id + " [data-edit=allocation]"))
                        .getAttribute("value"));
    }

    @Test
    void aTraderCreatedElsewhereAppears() {
        WebDriver two = open(second);
        String name = "Created-" + System.nanoTime();

        long id = create(name);

        waiting(two).until(d -> !d.findElements(By.id("trader-" + id)).isEmpty());
        waiting(two).until(d -> name.equals(field(d, id, "name").getText()));
    }

    private static Browser signedIn() {
        Browser chromium = new Browser();
        WebDriver browser = chromium.driver();
        browser.get(SERVER.baseUrl() + "/admin/");
        waiting(browser)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        chromium.logIn("admin", TickerdeskProcess.ADMIN_PASSWORD);
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("currentUser")));
        return chromium;
    }

    private static WebDriver open(Browser chromium) {
        WebDriver browser = chromium.driver();
        browser.get(SERVER.baseUrl() + "/admin/traders.xhtml");
        waiting(browser).until(ExpectedConditions.textToBe(By.id("tradersLive"), "live"));
        return browser;
    }

    private static void markNotReloaded(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
    }

    private static WebDriverWait waiting(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // a push may redraw what a wait reads: it is read again
        wait.ignoring(StaleElementReferenceException.class);
        // a pushed change or a reloaded list redraws the row while a condition reads it
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait;
    }

    private static WebElement field(WebDriver browser, long id, String name) {
        return browser.findElement(By.cssSelector("#trader-" + id + " [data-field=" + name + "]"));
    }

    private static long create(String name) {
        HttpResponse<String> created =
                Http.send(
                        HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "/api/v1/traders"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"name\":\""
                                                        + name
                                                        + "\",\"feed\":\"webhook\",\"allocation\":"
                                                        + "10000,\"sizing\":{\"mode\":\"ratio\","
                                                        + "\"ratio\":0.5}}")));
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).asJsonObject().getJsonNumber("id").longValue();
    }
}
