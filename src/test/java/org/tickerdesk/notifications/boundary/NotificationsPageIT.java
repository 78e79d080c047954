package org.tickerdesk.notifications.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tickerdesk.it.Browser;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The Notifications page and the bell in headless Chromium, signed in as the admin, on the shared
 * server (only the in-app channel is configured there): a test message appears in the bell and on
 * the page without a reload, marking read clears the count, the channels say which are configured,
 * and the preferences matrix is saved.
 */
class NotificationsPageIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();

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
    void theNavigationLeadsToThePageWhichSaysWhichChannelsAreConfigured() {
        browser.get(SERVER.baseUrl() + "/admin/");
        browser.findElement(By.id("nav")).findElement(By.linkText("Notifications")).click();

        wait.until(ExpectedConditions.titleContains("Notifications"));
        assertEquals(
                "Notifications", browser.findElement(By.cssSelector("#nav a.active")).getText());
        assertEquals("yes", field(browser.findElement(By.id("channel-inapp")), "configured"));
        WebElement webhook = browser.findElement(By.id("channel-webhook"));
        assertEquals("not configured", field(webhook, "configured"));
        assertFalse(
                webhook.findElement(By.cssSelector("button")).isEnabled(),
                "no test through a channel that is not configured");
    }

    @Test
    void aTestMessageRingsTheBellWithoutAReloadAndMarkingReadClearsTheCount() {
        // the bell is in every page's header: here the Orders page's
        browser.get(SERVER.baseUrl() + "/admin/orders.xhtml");
        awaitStreamOpen();
        markAllRead();
        wait.until(ExpectedConditions.attributeToBe(By.id("bell"), "data-unread", "0"));
        ((JavascriptExecutor) browser).executeScript("window.tdNotReloaded = true;");

        long id = testThrough("inapp");

        // at least this one is unread; a notification of an earlier test's position may join it
        wait.until(
                ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#bellList li[data-id='" + id + "']")));
        wait.until(d -> !"0".equals(d.findElement(By.id("bell")).getAttribute("data-unread")));
        assertEquals(
                browser.findElement(By.id("bell")).getAttribute("data-unread"),
                browser.findElement(By.id("bellCount")).getAttribute("textContent"));
        chromium.click(By.id("bellToggle"), wait);
        // the list is written anew on every message: find the item anew, and again when another
        // notification's message redraws it while it is read
        List<String> shown =
                wait.ignoring(StaleElementReferenceException.class)
                        .until(
                                d -> {
                                    WebElement li =
                                            d.findElement(
                                                    By.cssSelector(
                                                            "#bellList li[data-id='" + id + "']"));
                                    return li.isDisplayed()
                                            ? List.of(li.getText(), li.getAttribute("class"))
                                            : null;
                                });
        assertTrue(shown.get(0).startsWith("Test message"), shown.get(0));
        assertTrue(shown.get(1).contains("td-unread"), shown.get(1));
        assertTrue(
                browser.findElement(By.id("bell")).getAttribute("class").contains("td-bell-flash"),
                "a message that is not silent flashes the bell");

        chromium.click(By.id("bellMarkRead"), wait);

        // the server is shared: another test's notification may arrive just after marking read,
        // and is then marked read once more
        WebDriverWait brief = new WebDriverWait(browser, Duration.ofSeconds(5));
        // a push may redraw what a wait reads: it is read again
        brief.ignoring(StaleElementReferenceException.class);
        for (int attempt = 1; ; attempt++) {
            try {
                brief.until(ExpectedConditions.attributeToBe(By.id("bell"), "data-unread", "0"));
                break;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                markAllRead();
            }
        }
        assertFalse(browser.findElement(By.id("bellCount")).isDisplayed());
        assertTrue(
                Boolean.TRUE.equals(
                        ((JavascriptExecutor) browser)
                                .executeScript("return window.tdNotReloaded;")),
                "the page was not reloaded");
    }

    @Test
    void theTestButtonAddsARowWhoseDeliveryTurnsSentByTheStream() {
        browser.get(SERVER.baseUrl() + "/admin/notifications.xhtml");
        awaitStreamOpen();
        ((JavascriptExecutor) browser).executeScript("window.tdNotReloaded = true;");

        browser.findElement(By.id("channel-inapp")).findElement(By.cssSelector("button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(MESSAGES, "is on its way"));
        String message = browser.findElement(MESSAGES).getText();
        String id = message.replaceAll("(?s).*Test message (\\d+) is on its way.*", "$1");
        By delivery = By.cssSelector("#notification-" + id + " .td-delivery[data-channel=inapp]");
        // the script writes a row's deliveries anew on every change: find them anew each time
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> "SENT".equals(d.findElement(delivery).getAttribute("data-state")));
        String sent =
                wait.ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElement(delivery).getText());
        assertTrue(sent.contains("attempts 1"), sent);
        assertEquals(
                "notification-" + id,
                browser.findElement(By.cssSelector("#notificationRows tr")).getAttribute("id"),
                "the newest on top");
        assertTrue(
                Boolean.TRUE.equals(
                        ((JavascriptExecutor) browser)
                                .executeScript("return window.tdNotReloaded;")),
                "the page was not reloaded");
    }

    @Test
    void aChangedPreferenceIsSaved() {
        browser.get(SERVER.baseUrl() + "/admin/notifications.xhtml");
        WebElement mode =
                browser.findElement(By.cssSelector("select[data-pair='JOB_COMPLETED:inapp']"));
        new Select(mode).selectByValue("SILENT");

        chromium.click(By.id("preferencesForm:save"), wait);

        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(MESSAGES, "Preferences saved"));
        HttpResponse<String> stored =
                Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/notifications/preferences");
        JsonObject types = ((JsonObject) Http.json(stored)).getJsonObject("types");
        assertEquals("SILENT", types.getJsonObject("JOB_COMPLETED").getString("inapp"));
        assertEquals("ON", types.getJsonObject("EXIT_TRIGGERED").getString("inapp"));
    }

    private static void awaitStreamOpen() {
        wait.until(ExpectedConditions.attributeToBe(By.id("streamStatus"), "data-state", "open"));
    }

    private static void markAllRead() {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('bellMarkRead').click();");
    }

    private static long testThrough(String channel) {
        HttpResponse<String> sent =
                Http.postAsAdmin(
                        SERVER.baseUrl() + "/api/v1/notifications/channels/" + channel + "/test",
                        "");
        assertEquals(202, sent.statusCode(), sent.body());
        return ((JsonObject) Http.json(sent)).getJsonNumber("id").longValue();
    }

    private static String field(WebElement row, String name) {
        return row.findElement(By.cssSelector("[data-field=" + name + "]")).getText();
    }
}
