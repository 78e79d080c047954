package org.tickerdesk.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tickerdesk.it.Browser;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.SocketClient;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The admin in headless Chromium, as a person uses it: a wrong password is refused, the right one
 * opens the dashboard whose quote tiles move and whose status cards follow the server without a
 * reload (over the private {@code status} stream of /ws/market, which the page's session opens),
 * and the instruments page adds a symbol. The status stream is refused to an anonymous connection.
 */
class AdminBrowserIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static Browser chromium;
    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        chromium = new Browser();
        browser = chromium.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAdminLogsInSeesQuotesMoveAndAddsASymbol() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(SERVER.baseUrl() + "/admin/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));

        logIn("admin", "wrong-password");
        WebElement refusal =
                wait.until(
                        ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector(".ui-messages-error")));
        assertTrue(refusal.getText().contains("Wrong user name or password"), refusal.getText());

        logIn("admin", TickerdeskProcess.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tile-AAPL")));
        assertEquals("admin", browser.findElement(By.id("currentUser")).getText());
        wait.until(ExpectedConditions.textToBe(By.id("streamStatus"), "live"));
        wait.until(ExpectedConditions.textToBe(By.id("sourceState"), "CONNECTED"));
        wait.until(ExpectedConditions.textToBe(By.id("database"), "UP"));
        assertEquals("PAPER BROKER", browser.findElement(By.id("brokerName")).getText());

        By aaplLast = By.cssSelector("#tile-AAPL .td-tile-last");
        String first = browser.findElement(aaplLast).getText();
        // the price it moved to is kept: read again later, it may have moved back
        String moved =
                wait.until(
                        d -> {
                            String now = d.findElement(aaplLast).getText();
                            return now.equals(first) ? null : now;
                        });
        assertNotEquals(first, moved, "the AAPL tile moves with the market");

        WebElement clients = browser.findElement(By.id("clients"));
        int shown = Integer.parseInt(clients.getText());
        try (SocketClient another = new SocketClient(SERVER.webSocketUrl())) {
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .withMessage("a new stream client is pushed into the same element, no reload")
                    .until(d -> Integer.parseInt(clients.getText()) > shown);
        }
        int watched = Integer.parseInt(browser.findElement(By.id("watched")).getText());

        browser.get(SERVER.baseUrl() + "/admin/instruments.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("add:symbol")));
        browser.findElement(By.id("add:symbol")).sendKeys("bad symbol!");
        browser.findElement(By.id("add:addButton")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("add:symbolMessage"), "not a valid symbol"));

        WebElement symbol = browser.findElement(By.id("add:symbol"));
        symbol.clear();
        symbol.sendKeys("LONGD");
        WebElement tickSize = browser.findElement(By.id("add:tickSize"));
        tickSize.clear();
        tickSize.sendKeys("1e308");
        browser.findElement(By.id("add:description")).sendKeys("d".repeat(300));
        browser.findElement(By.id("add:addButton")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("add:tickSizeMessage"), "from 0.00000001 to 1000000"));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("add:descriptionMessage"), "300 characters long; at most 200"));
        assertEquals(
                300,
                browser.findElement(By.id("add:description")).getAttribute("value").length(),
                "a description over the limit is refused, never cut");
        assertFalse(
                browser.findElement(By.id("list")).getText().contains("LONGD"),
                "nothing is stored when a field is refused");

        symbol = browser.findElement(By.id("add:symbol"));
        symbol.clear();
        symbol.sendKeys("ORCL");
        tickSize = browser.findElement(By.id("add:tickSize"));
        tickSize.clear();
        tickSize.sendKeys("0.01");
        browser.findElement(By.id("add:description")).clear();
        browser.findElement(By.id("add:addButton")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list"), "ORCL"));

        browser.get(SERVER.baseUrl() + "/admin/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tile-ORCL")));
        wait.until(ExpectedConditions.textToBe(By.id("watched"), String.valueOf(watched + 1)));
    }

    @Test
    void theStatusStreamIsOnlyForThoseSignedIn() throws InterruptedException {
        try (SocketClient anonymous = new SocketClient(SERVER.webSocketUrl())) {
            anonymous.send("{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"status\"]}");
            JsonObject ack = anonymous.awaitType("ack");

            assertTrue(ack.getJsonArray("subscribed").isEmpty());
            assertEquals(
                    "unauthorized",
                    ack.getJsonArray("rejected").getJsonObject(0).getString("code"));
        }
    }

    @Test
    void theOldStatusSocketIsGone() {
        String status = SERVER.baseUrl().replaceFirst("^http", "ws") + "/admin/status";

        assertThrows(CompletionException.class, () -> new SocketClient(status).close());
    }

    private static void logIn(String user, String password) {
        chromium.logIn(user, password);
    }
}
