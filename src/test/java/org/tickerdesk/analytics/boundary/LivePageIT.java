package org.tickerdesk.analytics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The Live page in headless Chromium, signed in as the admin, on a server of its own that calls a
 * symbol stale after 3 s without a tick: following symbols gives each a tile whose last, bid and
 * ask move and a chart whose candles follow the market, at the interval chosen, with its
 * indicators; a symbol that leaves the watchlist stops ticking and its tile is marked stale while
 * the others are not; leaving the page and coming back finds the symbols followed and streaming.
 */
class LivePageIT {

    private static final int STALE_SECONDS = 3;
    private static TickerdeskProcess server;
    private static Browser chromium;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void startServerAndSignIn() {
        server =
                new TickerdeskProcess(
                                "live",
                                Map.of(
                                        "TICKERDESK_MARKETDATA_STALE_SECONDS",
                                        Integer.toString(STALE_SECONDS)))
                        .clean()
                        .start();
        chromium = new Browser();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // a push may redraw what a wait reads: it is read again
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(server.baseUrl() + "/admin/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        chromium.logIn("admin", TickerdeskProcess.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("currentUser")));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aFollowedSymbolsTileLabelsItsPricesAndTheyMove() {
        openLive();
        follow("AAPL", "MSFT");

        WebElement tile = tile("AAPL");
        assertEquals(List.of("Last", "Bid", "Ask"), labels(tile));
        String first = waitForPrice(tile, "last");
        String moved =
                waiting("the last price moves with the market")
                        .until(
                                d -> {
                                    String now = field(tile("AAPL"), "last");
                                    return now.equals(first) ? null : now;
                                });
        assertFalse(moved.isEmpty());
        // read in one go: the tile is repainted between two reads
        List<?> bidAndAsk =
                (List<?>)
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        "var tile = document.getElementById('live-tile-AAPL');"
                                                + " return ['bid', 'ask'].map(function (f) {"
                                                + " return Number(tile.querySelector("
                                                + "'[data-field=' + f + ']').textContent); });");
        double bid = ((Number) bidAndAsk.get(0)).doubleValue();
        double ask = ((Number) bidAndAsk.get(1)).doubleValue();
        assertTrue(bid > 0 && bid <= ask, "bid " + bid + " is at most ask " + ask);
        waiting("the change over 24 hours is shown in %")
                .until(d -> field(tile("AAPL"), "change").matches("[+-]?\\d+\\.\\d{2} %"));
        assertFalse(stale("AAPL"), "a symbol that ticks is not stale");
        waitForPrice(tile("MSFT"), "last");
    }

    @Test
    void theChartFollowsTheCandlesAndDrawsTheIndicators() {
        openLive();
        follow("AAPL");
        chromium.click(By.cssSelector("#live-tile-AAPL [data-chart]"), wait);
        wait.until(ExpectedConditions.textToBe(By.id("chartSymbol"), "AAPL"));
        chooseInterval("1m");

        waiting("the chart has candles").until(d -> candles("AAPL").size() > 0);
        List<?> last = lastCandle();
        waiting("the forming candle follows the trades, or a new one starts")
                .until(d -> !lastCandle().equals(last));
        assertTrue(candles("AAPL").size() <= 500, "the chart keeps at most 500 candles");
        List<String> series = seriesIds();
        assertTrue(
                series.containsAll(List.of("candles", "volume", "ema", "bbUpper", "rsi")),
                "candles, volume, EMA, Bollinger and RSI: " + series);
    }

    @Test
    void anotherIntervalRedrawsTheChartWithItsCandles() {
        openLive();
        follow("MSFT");
        chromium.click(By.cssSelector("#live-tile-MSFT [data-chart]"), wait);
        wait.until(ExpectedConditions.textToBe(By.id("chartSymbol"), "MSFT"));

        chooseInterval("5m");

        wait.until(d -> candles("MSFT").size() > 0);
        long fiveMinutes = Duration.ofMinutes(5).toMillis();
        for (Object candle : candles("MSFT")) {
            long start = ((Number) ((List<?>) candle).get(0)).longValue();
            assertEquals(0, start % fiveMinutes, "a 5m candle starts on a multiple of 5 minutes");
        }
        assertEquals(
                "5m",
                browser.findElement(By.cssSelector("#intervals a.active")).getText(),
                "the chosen interval is marked");
        chooseInterval("1m");
    }

    @Test
    void aSymbolWhoseFeedStopsIsMarkedStaleAndTheOthersAreNot() {
        assertEquals(
                201,
                Http.postAsAdmin(server.baseUrl() + "/api/v1/instruments", "{\"symbol\":\"QUIET\"}")
                        .statusCode());
        openLive();
        follow("QUIET", "AAPL");
        waitForPrice(tile("QUIET"), "last");
        wait.until(d -> !stale("QUIET"));

        assertEquals(
                204,
                Http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        server.baseUrl()
                                                                + "/api/v1/instruments/QUIET"))
                                        .header(
                                                "Authorization",
                                                "Bearer " + TickerdeskProcess.API_TOKEN)
                                        .DELETE())
                        .statusCode(),
                "QUIET leaves the watchlist, so the market stops streaming it");

        new WebDriverWait(browser, Duration.ofSeconds(STALE_SECONDS + 10))
                .withMessage("the tile is marked stale once no tick came for 3 s")
                .until(d -> stale("QUIET"));
        assertTrue(
                field(tile("QUIET"), "stale").startsWith("stale: no tick for "),
                field(tile("QUIET"), "stale"));
        assertFalse(stale("AAPL"), "a symbol that still ticks is not stale");
        stopFollowing("QUIET");
    }

    @Test
    void stoppingASymbolRemovesItsTileAndKeepsTheOthersStreaming() {
        openLive();
        follow("AAPL", "MSFT");

        stopFollowing("MSFT");

        assertTrue(browser.findElements(By.id("live-tile-MSFT")).isEmpty());
        String first = waitForPrice(tile("AAPL"), "last");
        waiting("the other tile still streams")
                .until(d -> !field(tile("AAPL"), "last").equals(first));
    }

    @Test
    void leavingThePageAndComingBackFindsTheSymbolsFollowedAndStreaming() {
        openLive();
        follow("AAPL");

        browser.findElement(By.id("nav")).findElement(By.linkText("Dashboard")).click();
        wait.until(ExpectedConditions.titleContains("Dashboard"));
        waiting("the dashboard's status cards fill over the status stream")
                .until(ExpectedConditions.textToBe(By.id("sourceState"), "CONNECTED"));
        browser.findElement(By.id("nav")).findElement(By.linkText("Live")).click();
        wait.until(ExpectedConditions.titleContains("Live"));

        wait.until(ExpectedConditions.textToBe(By.id("streamStatus"), "live"));
        String first = waitForPrice(tile("AAPL"), "last");
        waiting("the tile streams again").until(d -> !field(tile("AAPL"), "last").equals(first));
        wait.until(d -> candles(null).size() > 0);
    }

    @Test
    void aDroppedConnectionIsOpenedAgainAndEveryStreamResumesWhereItStopped() {
        openLive();
        follow("AAPL");
        chromium.click(By.cssSelector("#live-tile-AAPL [data-chart]"), wait);
        chooseInterval("1m");
        waitForPrice(tile("AAPL"), "last");
        wait.until(d -> candles("AAPL").size() > 0);

        ((JavascriptExecutor) browser)
                .executeScript(
                        "var stream = TickerdeskStream.shared("
                                + "document.getElementById('liveView').getAttribute('data-ws'));"
                                + " window.recoveries = []; stream.on('recovery', function (m) {"
                                + " window.recoveries.push(m); }); window.states = [];"
                                + " stream.onStatus(function (s) { window.states.push(s); });"
                                + " stream.socket.close();");

        // the reconnecting state may last less than one look at the page, so it is recorded
        waiting("the page says it reconnects")
                .until(
                        d ->
                                ((List<?>)
                                                ((JavascriptExecutor) d)
                                                        .executeScript("return window.states;"))
                                        .contains("reconnecting"));
        waiting("and is live again")
                .until(ExpectedConditions.textToBe(By.id("streamStatus"), "live"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> recoveries =
                (List<Map<String, Object>>)
                        waiting("each stream is resumed with its position")
                                .until(
                                        d -> {
                                            List<?> seen =
                                                    (List<?>)
                                                            ((JavascriptExecutor) d)
                                                                    .executeScript(
                                                                            "return"
                                                                                + " window.recoveries;");
                                            return seen.size() >= 2 ? seen : null;
                                        });
        List<String> resumed =
                recoveries.stream()
                        .filter(r -> Boolean.TRUE.equals(r.get("recovered")))
                        .map(r -> (String) r.get("stream"))
                        .toList();
        assertTrue(
                resumed.containsAll(List.of("quotes:AAPL", "candles:AAPL:1m")),
                "the quotes and candles missed are sent again: " + recoveries);
        String first = waitForPrice(tile("AAPL"), "last");
        waiting("the tile streams again").until(d -> !field(tile("AAPL"), "last").equals(first));
    }

    private static WebDriverWait waiting(String message) {
        WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(20));
        // a push may redraw what a wait reads: it is read again
        waiting.ignoring(StaleElementReferenceException.class);
        waiting.withMessage(message);
        return waiting;
    }

    private static void openLive() {
        browser.get(server.baseUrl() + "/admin/live.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live:follow")));
        wait.until(ExpectedConditions.textToBe(By.id("streamStatus"), "live"));
    }

    /** Ticks the symbols in the menu and presses Follow; their tiles appear. */
    private static void follow(String... symbols) {
        chromium.click(By.id("live:symbols"), wait);
        WebElement panel =
                wait.until(
                        ExpectedConditions.visibilityOfElementLocated(By.id("live:symbols_panel")));
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
        WebElement follow = chromium.click(By.id("live:follow"), wait);
        // the form is rendered anew, tiles and all, also when every symbol was followed already
        wait.until(Browser.replaced(follow));
        for (String symbol : symbols) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-tile-" + symbol)));
        }
    }

    private static void stopFollowing(String symbol) {
        WebElement stop = browser.findElement(By.cssSelector("[data-stop='" + symbol + "']"));
        stop.click();
        wait.until(Browser.replaced(stop));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("live-tile-" + symbol), 0));
    }

    private static void chooseInterval(String interval) {
        browser.findElement(By.cssSelector("#intervals [data-interval='" + interval + "']"))
                .click();
        wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-interval", interval));
    }

    private static WebElement tile(String symbol) {
        return wait.until(
                ExpectedConditions.presenceOfElementLocated(By.id("live-tile-" + symbol)));
    }

    private static String field(WebElement tile, String name) {
        // its text as written, not as styled (the stale marker is shown in capitals)
        return tile.findElement(By.cssSelector("[data-field='" + name + "']"))
                .getAttribute("textContent")
                .strip();
    }

    private static List<String> labels(WebElement tile) {
        return tile.findElements(By.cssSelector(".td-prices dt")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Waits for a price in the tile's field and returns it. */
    private static String waitForPrice(WebElement tile, String name) {
        return waiting(name + " shows a price")
                .until(
                        d -> {
                            String shown = field(tile(tile.getAttribute("data-live-symbol")), name);
                            return shown.matches("\\d+\\.\\d+") ? shown : null;
                        });
    }

    private static boolean stale(String symbol) {
        return tile(symbol).getAttribute("class").contains("td-stale");
    }

    /** The candles the chart draws, each [start, open, close, low, high, volume]. */
    private static List<?> candles(String symbol) {
        if (symbol != null && !symbol.equals(browser.findElement(By.id("chartSymbol")).getText())) {
            return List.of();
        }
        Object data =
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "var chart = window.echarts &&"
                                    + " echarts.getInstanceByDom(document.getElementById('chart'));"
                                    + " if (!chart || !chart.getOption()) { return []; } var s ="
                                    + " chart.getOption().series.filter(function (s) { return s.id"
                                    + " === 'candles'; })[0]; return s ? s.data : [];");
        return (List<?>) data;
    }

    private static List<?> lastCandle() {
        List<?> candles = candles(null);
        return candles.isEmpty() ? List.of() : (List<?>) candles.get(candles.size() - 1);
    }

    private static List<String> seriesIds() {
        @SuppressWarnings("unchecked")
        List<String> ids =
                (List<String>)
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return"
                                            + " echarts.getInstanceByDom(document.getElementById('chart')).getOption().series.map(function"
                                            + " (s) { return s.id; });");
        return ids;
    }
}
