package org.tickerdesk.tasks.boundary;

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
 * The Tasks page in headless Chromium, signed in as the admin: it lists every scheduled job, Run
 * now on one runs it and the result arrives pushed by the tasks stream, without a reload, and Pause
 * and Resume change its state. A run that fails shows its error, and its stack trace one click
 * away: the resolution task fails while an expired future the simulated market never quoted awaits
 * a price (written to the database as an old catalog would hold it; the API takes no past expiry),
 * and is given one over the API afterwards so the task succeeds again.
 */
class TasksPageIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static final String TASK = "subscription-cleanup";
    private static final String UNPRICED = "TPFAILZ5";

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
        // a pushed change redraws the task's row while a condition reads it: read it again
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
    void theNavigationLeadsToTheTasksPageListingEveryScheduledJob() {
        browser.get(SERVER.baseUrl() + "/admin/");
        browser.findElement(By.id("nav")).findElement(By.linkText("Tasks")).click();

        wait.until(ExpectedConditions.titleContains("Tasks"));
        assertEquals("Tasks", browser.findElement(By.cssSelector("#nav a.active")).getText());
        for (String name :
                new String[] {
                    "exit-sweep", "subscription-cleanup", "collection-cleanup", "tick-retention"
                }) {
            assertTrue(!browser.findElements(By.id("task-" + name)).isEmpty(), name);
        }
        assertEquals("10 s", field("exit-sweep", "interval").getText());
        assertEquals("1 d", field("collection-cleanup", "interval").getText());
    }

    @Test
    void runNowRunsTheTaskAndItsResultIsPushedWithoutAReload() {
        openTasks();
        int before = Integer.parseInt(field(TASK, "runs").getText());
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        chromium.click(By.cssSelector("#task-" + TASK + " .td-run"), wait);

        WebDriverWait first = new WebDriverWait(browser, Duration.ofSeconds(10));

        // a push may redraw what a wait reads: it is read again

        first.ignoring(StaleElementReferenceException.class);
        first.ignoring(StaleElementReferenceException.class);
        try {
            first.until(d -> ranByAdmin(before));
        } catch (org.openqa.selenium.TimeoutException refused) {
            // a scheduled run still going refuses run now (409): once it ended, ask again
            chromium.click(By.cssSelector("#task-" + TASK + " .td-run"), wait);
            wait.until(d -> ranByAdmin(before));
        }
        assertTrue(newestRun().contains("SUCCEEDED"), newestRun());
        assertEquals("SUCCEEDED", field(TASK, "lastOutcome").getText());
        assertEquals("SCHEDULED", field(TASK, "state").getText());
        assertEquals(
                Boolean.TRUE,
                ((JavascriptExecutor) browser).executeScript("return window.notReloaded;"));
    }

    @Test
    void pauseAndResumeChangeTheTasksState() {
        openTasks();
        chromium.click(By.cssSelector("#task-tick-retention input[value='Pause']"), wait);
        wait.until(d -> "PAUSED".equals(field("tick-retention", "state").getText()));
        wait.until(d -> "–".equals(field("tick-retention", "nextRun").getText()));

        chromium.click(By.cssSelector("#task-tick-retention input[value='Resume']"), wait);
        wait.until(d -> "SCHEDULED".equals(field("tick-retention", "state").getText()));
        wait.until(d -> field("tick-retention", "nextRun").getText().endsWith("Z"));
    }

    @Test
    void aFailedRunShowsItsErrorAndItsStackTraceIsOneClickAway() throws SQLException {
        insertExpiredFuture(UNPRICED);
        try {
            openTasks();
            int failuresBefore = Integer.parseInt(field("resolution", "failures").getText());
            WebElement dialog = browser.findElement(By.id("traceDialog"));
            assertFalse(dialog.isDisplayed(), "no stack trace before it is asked for");

            chromium.click(By.cssSelector("#task-resolution .td-run"), wait);

            wait.until(
                    d ->
                            Integer.parseInt(field("resolution", "failures").getText())
                                    > failuresBefore);
            wait.until(d -> "FAILED".equals(field("resolution", "lastOutcome").getText()));
            String error = field("resolution", "lastError").getText();
            assertTrue(error.startsWith("ResolutionFailedException: Asked about"), error);
            assertTrue(error.contains(UNPRICED + ": The simulated market has no price"), error);
            WebElement traceButton = field("resolution", "lastTraceButton");
            assertTrue(traceButton.isDisplayed(), "the stack trace is offered");

            traceButton.click();

            wait.until(ExpectedConditions.visibilityOf(dialog));
            String trace = browser.findElement(By.id("traceText")).getText();
            assertTrue(
                    trace.startsWith(
                            "org.tickerdesk.resolution.control.ResolutionFailedException: Asked"
                                    + " about"),
                    trace);
            assertTrue(
                    trace.contains("at org.tickerdesk.resolution.boundary.ScheduledResolution.run"),
                    trace);
            chromium.click(By.id("traceClose"), wait);
            wait.until(ExpectedConditions.invisibilityOf(dialog));
        } finally {
            HttpResponse<String> priced =
                    Http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    SERVER.baseUrl()
                                                            + "/api/v1/instruments/"
                                                            + UNPRICED
                                                            + "/resolution"))
                                    .header("Content-Type", "application/json")
                                    .header(
                                            "Authorization",
                                            "Bearer " + TickerdeskProcess.API_TOKEN)
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"settlementPrice\":1}")));
            assertEquals(200, priced.statusCode(), priced.body());
        }
    }

    private static void insertExpiredFuture(String symbol) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(
                                SERVER.databaseUrl(), TickerdeskProcess.DATABASE_USER, "");
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO instruments (symbol, kind, exchange, currency,"
                                        + " tick_size, expiry, on_watchlist, created_at) VALUES"
                                        + " (?, 'FUTURE', 'CME', 'USD', 0.25, ?, FALSE, ?) ON"
                                        + " CONFLICT (symbol) DO NOTHING")) {
            insert.setString(1, symbol);
            insert.setObject(2, LocalDate.now(ZoneOffset.UTC).minusDays(3));
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private static boolean ranByAdmin(int runsBefore) {
        return Integer.parseInt(field(TASK, "runs").getText()) > runsBefore
                && newestRun().contains("admin");
    }

    /** The text of the task's newest run in its recent runs; a scheduled run may come too. */
    private static String newestRun() {
        return browser.findElement(By.cssSelector("#task-" + TASK + " [data-field=history] tr"))
                .getAttribute("textContent");
    }

    private static void openTasks() {
        browser.get(SERVER.baseUrl() + "/admin/tasks.xhtml");
        wait.until(ExpectedConditions.textToBe(By.id("tasksLive"), "live"));
    }

    private static WebElement field(String task, String name) {
        return browser.findElement(
                By.cssSelector("#task-" + task + " .td-task-row [data-field=" + name + "]"));
    }
}
