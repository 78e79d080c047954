package org.tickerdesk.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code TICKERDESK_CHROMIUM} and {@code
 * TICKERDESK_CHROMEDRIVER} point elsewhere), with a throw-away profile removed on close.
 */
public final class Browser implements AutoCloseable {

    private final Path profile;
    private final WebDriver driver;

    public Browser() {
        try {
            profile = Files.createTempDirectory("tickerdesk-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options =
                new ChromeOptions()
                        .setBinary(executable("TICKERDESK_CHROMIUM", "/usr/bin/chromium"))
                        .addArguments(
                                "--headless=new",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--window-size=1400,1000",
                                "--user-data-dir=" + profile);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(
                                new File(
                                        executable(
                                                "TICKERDESK_CHROMEDRIVER",
                                                "/usr/bin/chromedriver")))
                        .build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(Duration patience) {
        return new WebDriverWait(driver, patience);
    }

    /**
     * Clicks what {@code target} finds once it holds still, and returns the element clicked. A push
     * or an Ajax answer can replace an element between finding and clicking it, which Chromium
     * reports as a stale element or as a node that "does not belong to the document"; either way
     * nothing was clicked, so it finds the element again and clicks that.
     */
    public WebElement click(By target, WebDriverWait wait) {
        return wait.until(
                d -> {
                    try {
                        WebElement element = d.findElement(target);
                        element.click();
                        return element;
                    } catch (StaleElementReferenceException e) {
                        return null;
                    } catch (WebDriverException e) {
                        if (detached(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    /**
     * Holds once {@code element} has left the page. Chromium reports a node removed by an Ajax
     * answer either as a stale element or, while the page is being redrawn, as a node that "does
     * not belong to the document"; Selenium's {@code stalenessOf} knows only the first and fails on
     * the second.
     */
    public static ExpectedCondition<Boolean> replaced(WebElement element) {
        ExpectedCondition<Boolean> stale = ExpectedConditions.stalenessOf(element);
        return d -> {
            try {
                return stale.apply(d);
            } catch (WebDriverException e) {
                if (detached(e)) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** Chromium's other answer for a node an Ajax answer took out while the page is redrawn. */
    private static boolean detached(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** Fills in the login page the browser is on and submits it. */
    public void logIn(String user, String password) {
        WebElement username = driver.findElement(By.id("login:username"));
        username.clear();
        username.sendKeys(user);
        driver.findElement(By.cssSelector("input[type=password]")).clear();
        driver.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
    }

    @Override
    public void close() {
        driver.quit();
        TickerdeskProcess.deleteRecursively(profile);
    }

    private static String executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? fallback : configured;
    }
}
