package org.tickerdesk.tasks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The Tasks page in headless Chromium, signed in as the admin: it lists every scheduled job, Run
 * now on one runs it and the result arrives pushed by the tasks stream, without a reload, and Pause
 * and Resume change its state.
 */
class TasksPageIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
    private static final String TASK = "subscription-cleanup";

    private static Browser chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void signIn() {
        chromium = new Browser();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
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

        browser.findElement(By.cssSelector("#task-" + TASK + " .td-run")).click();

        WebDriverWait first = new WebDriverWait(browser, Duration.ofSeconds(10));
        first.ignoring(StaleElementReferenceException.class);
        try {
            first.until(d -> ranByAdmin(before));
        } catch (org.openqa.selenium.TimeoutException refused) {
            // a scheduled run still going refuses run now (409): once it ended, ask again
            browser.findElement(By.cssSelector("#task-" + TASK + " .td-run")).click();
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
        browser.findElement(By.cssSelector("#task-tick-retention input[value='Pause']")).click();
        wait.until(d -> "PAUSED".equals(field("tick-retention", "state").getText()));
        wait.until(d -> "–".equals(field("tick-retention", "nextRun").getText()));

        browser.findElement(By.cssSelector("#task-tick-retention input[value='Resume']")).click();
        wait.until(d -> "SCHEDULED".equals(field("tick-retention", "state").getText()));
        wait.until(d -> field("tick-retention", "nextRun").getText().endsWith("Z"));
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
