package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tickerdesk.it.Browser;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.SharedServer;
import org.tickerdesk.it.TickerdeskProcess;
import org.tickerdesk.platform.entity.ChartLibrary;

/**
 * The history pages in headless Chromium, signed in as the admin: Collect refuses a bad form beside
 * its fields and keeps what was chosen, its presets fill the form; Jobs subscribes to the jobs
 * stream with the page's own session; Data loads its chart library from the webjar. The steps a
 * person takes are methods here ({@link #openCollect}, {@link #pick}, {@link #choose}, {@link
 * #startCollection}, {@link #startedCollection}, {@link #openJobs}, {@link #jobRow}). Where
 * collections run, one started on Collect is followed on Jobs to its end without a reload.
 */
class HistoryPagesIT {

    private static final TickerdeskProcess SERVER = SharedServer.get();
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
    void theNavigationLeadsToEveryHistoryPage() {
        openCollect();
        for (String page : new String[] {"Collect", "Jobs", "Data"}) {
            browser.findElement(By.id("nav")).findElement(By.linkText(page)).click();
            wait.until(ExpectedConditions.titleContains(page));
            assertEquals(
                    page,
                    browser.findElement(By.cssSelector("#nav a.active")).getText(),
                    "the page's own link is marked");
        }
    }

    @Test
    void collectRefusesABadFormBesideItsFieldsAndKeepsWhatWasChosen() {
        openCollect();
        choose("barSize", "1d");
        choose("whatToShow", "MIDPOINT");
        type("from", "2024-03-01");
        uncheck("upToNow");

        startCollection();

        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("collect:instrumentsMessage"), "Pick at least one instrument"));
        assertTrue(
                browser.findElement(By.id("collect:toMessage"))
                        .getText()
                        .contains("Choose the last day, or collect up to now"));
        assertEquals("1d", chosen("barSize"));
        assertEquals("MIDPOINT", chosen("whatToShow"));
        assertEquals("2024-03-01", input("from").getAttribute("value"));
        assertFalse(checked("upToNow"), "the box left unticked stays unticked");
        assertEquals("", browser.findElement(By.id("collect:sourceMessage")).getText());
    }

    @Test
    void aCsvCollectionWithoutItsFileIsRefusedBesideTheFileAndTheZone() {
        openCollect();
        choose("source", "csv");
        pick("AAPL");
        type("from", "2024-03-01");
        WebElement zone = input("timeZone");
        zone.clear();
        zone.sendKeys("Mars/Olympus");

        startCollection();

        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("collect:fileMessage"), "Choose the CSV file to upload"));
        assertTrue(
                browser.findElement(By.id("collect:timeZoneMessage"))
                        .getText()
                        .contains("'Mars/Olympus' is not a time zone"));
        assertEquals("Mars/Olympus", input("timeZone").getAttribute("value"));
        assertEquals("csv", chosen("source"));
    }

    @Test
    void aFileThatHoldsNoBarsIsRefusedBesideTheFile() throws IOException {
        Path file = Files.createTempFile("not-bars", ".csv");
        Files.writeString(file, "name,value\nfoo,1\n");
        openCollect();
        choose("source", "csv");
        pick("AAPL");
        browser.findElement(By.cssSelector("#collect input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());

        startCollection();

        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("collect:fileMessage"), "The header must be"));
        assertEquals("csv", chosen("source"));
        assertTrue(browser.findElement(By.id("collect:instruments")).getText().contains("AAPL"));
        Files.delete(file);
    }

    @Test
    void thePresetsFillTheForm() {
        openCollect();
        pick("AAPL");

        click("presetYearDaily");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        wait.until(d -> "1d".equals(chosen("barSize")));
        assertEquals(today.minusYears(1).toString(), input("from").getAttribute("value"));
        assertTrue(checked("upToNow"));
        assertTrue(
                browser.findElement(By.id("collect:instruments")).getText().contains("AAPL"),
                "the instruments picked stay picked");

        click("presetMonthMinutes");
        wait.until(d -> "1m".equals(chosen("barSize")));
        assertEquals(today.minusDays(30).toString(), input("from").getAttribute("value"));

        click("presetGaps");
        wait.until(d -> checked("gapsOnly"));
        assertEquals(today.minusDays(30).toString(), input("from").getAttribute("value"));
    }

    @Test
    void aCollectionStartedOnCollectProgressesOnJobsWithoutAReload() {
        assumeTrue(
                Http.getAsAdmin(SERVER.baseUrl() + "/api/v1/jobs").statusCode() == 200,
                "collections run on this server");
        openCollect();
        pick("AAPL", "MSFT");
        click("presetMonthMinutes");

        startCollection();

        long id = startedCollection();
        WebElement row = jobRow(id);
        wait.until(ExpectedConditions.textToBe(By.id("jobsLive"), "live"));
        WebElement status = row.findElement(By.cssSelector(".td-job-row [data-field=status]"));
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .withMessage("the rendered row follows the collection to its end")
                .until(d -> status.getText().equals("COMPLETED"));
        assertEquals(
                "100%",
                row.findElement(By.cssSelector(".td-job-row [data-field=percent]")).getText());
        assertEquals(
                2,
                row.findElements(By.cssSelector(".td-partition")).size(),
                "one row per instrument");
        assertTrue(
                row.findElements(By.cssSelector("[data-enabled-in]")).stream()
                        .allMatch(button -> !button.isEnabled()),
                "nothing is left to do to a completed collection");
    }

    @Test
    void theJobsPageFollowsTheJobsStreamWithItsOwnSession() {
        openJobs();

        assertTrue(browser.findElement(By.id("statusFilter")).getText().contains("FAILED"));
        chromium.click(By.linkText("FAILED"), wait);
        wait.until(ExpectedConditions.urlContains("status=FAILED"));
        assertEquals(
                "FAILED", browser.findElement(By.cssSelector("#statusFilter a.active")).getText());
        wait.until(ExpectedConditions.textToBe(By.id("jobsLive"), "live"));
    }

    @Test
    void theDataPageDrawsWithTheChartLibraryFromItsWebjar() {
        HttpResponse<String> library = Http.get(SERVER.baseUrl() + ChartLibrary.ECHARTS);
        assertEquals(200, library.statusCode());
        assertTrue(library.body().contains("echarts"));
        assertFalse(
                library.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                "a versioned library may be cached");

        browser.get(SERVER.baseUrl() + "/admin/data.xhtml?symbol=AAPL&barSize=1m");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chart")));

        assertEquals(
                "object",
                ((JavascriptExecutor) browser).executeScript("return typeof window.echarts"));
        wait.until(
                d ->
                        !d.findElement(By.id("chartNote"))
                                .getText()
                                .equals("Reading the stored bars…"));
        assertEquals("AAPL", chosen("symbol", "series"));
        assertEquals("1m", chosen("barSize", "series"));
    }

    static void openCollect() {
        browser.get(SERVER.baseUrl() + "/admin/collect.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("collect:start")));
    }

    static void openJobs() {
        browser.get(SERVER.baseUrl() + "/admin/jobs.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("jobsTable")));
    }

    /** The rendered rows of one collection: its own and its instruments'. */
    static WebElement jobRow(long id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("job-" + id)));
    }

    /** Ticks instruments in the Collect page's picker. */
    static void pick(String... symbols) {
        chromium.click(By.id("collect:instruments"), wait);
        WebElement panel =
                wait.until(
                        ExpectedConditions.visibilityOfElementLocated(
                                By.id("collect:instruments_panel")));
        for (String symbol : symbols) {
            WebElement item =
                    panel.findElement(By.cssSelector("li[data-item-value='" + symbol + "']"));
            wait.until(
                    d -> {
                        if (item.getAttribute("class").contains("ui-selectcheckboxmenu-checked")) {
                            return true;
                        }
                        // a box clicked while the menu still opens is not ticked: click it again
                        item.findElement(By.cssSelector(".ui-chkbox-box")).click();
                        return false;
                    });
        }
        chromium.click(By.tagName("h2"), wait);
        wait.until(ExpectedConditions.invisibilityOf(panel));
    }

    /** Chooses an option of a select menu of the Collect page. */
    static void choose(String menu, String label) {
        choose(menu, "collect", label);
    }

    static void choose(String menu, String form, String label) {
        String id = form + ":" + menu;
        By item = By.cssSelector("[id='" + id + "_items'] li[data-label='" + label + "']");
        chromium.click(By.id(id), wait);
        wait.until(
                d -> {
                    if (label.equals(chosen(menu, form))) {
                        return true;
                    }
                    // an item clicked while the menu still opens (or while its panel still
                    // covers the menu) is not taken: click it again
                    WebElement option = d.findElement(item);
                    try {
                        (option.isDisplayed() ? option : d.findElement(By.id(id))).click();
                    } catch (ElementClickInterceptedException covered) {
                        // clicked again on the next round
                    }
                    return false;
                });
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(id + "_panel")));
    }

    /** Presses Start: the Jobs page follows if the collection started, else the refusals show. */
    static void startCollection() {
        // a date picker left open by an earlier field would take the click: Escape, and a click
        // outside it (on the signed-in user's name) when Escape reached another element
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(
                d -> {
                    try {
                        if (d.findElements(By.cssSelector(".ui-datepicker")).stream()
                                .noneMatch(WebElement::isDisplayed)) {
                            return true;
                        }
                    } catch (StaleElementReferenceException redrawn) {
                        return false;
                    }
                    try {
                        d.findElement(By.id("currentUser")).click();
                    } catch (ElementClickInterceptedException | StaleElementReferenceException e) {
                        // clicked again on the next round
                    }
                    return false;
                });
        // the click outside a date picker may still be redrawing the form: click what is there
        WebElement start = chromium.click(By.id("collect:start"), wait);
        wait.until(Browser.replaced(start));
    }

    /** The collection the Collect page just started, as the Jobs page it went on to names it. */
    static long startedCollection() {
        wait.until(ExpectedConditions.urlContains("/admin/jobs.xhtml?job="));
        String url = browser.getCurrentUrl();
        return Long.parseLong(url.substring(url.indexOf("job=") + 4).replaceAll("\\D.*", ""));
    }

    private static void click(String button) {
        WebElement pressed = chromium.click(By.id("collect:" + button), wait);
        wait.until(Browser.replaced(pressed));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("collect:start")));
    }

    private static String chosen(String menu) {
        return chosen(menu, "collect");
    }

    private static String chosen(String menu, String form) {
        return browser.findElement(By.id(form + ":" + menu + "_label")).getText();
    }

    private static WebElement input(String field) {
        By id =
                field.equals("from") || field.equals("to")
                        ? By.id("collect:" + field + "_input")
                        : By.id("collect:" + field);
        return browser.findElement(id);
    }

    /**
     * Types into a field. A day picker's calendar, which opens as its field is focused, is closed
     * again (Escape, until it is gone: it ignores keys while it opens), lest it cover the buttons.
     */
    private static void type(String field, String text) {
        WebElement input = input(field);
        input.clear();
        input.sendKeys(text);
        By calendar = By.id("collect:" + field + "_panel");
        wait.until(
                d -> {
                    if (d.findElements(calendar).stream().noneMatch(WebElement::isDisplayed)) {
                        return true;
                    }
                    input.sendKeys(Keys.ESCAPE);
                    return false;
                });
    }

    private static boolean checked(String box) {
        return browser.findElement(By.id("collect:" + box + "_input")).isSelected();
    }

    private static void uncheck(String box) {
        if (checked(box)) {
            chromium.click(By.cssSelector("#collect\\:" + box + " .ui-chkbox-box"), wait);
        }
    }
}
