package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SkippedBar;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * Yahoo Finance's chart endpoint as a history source, against a local server that answers as Yahoo
 * does (the samples beside this test are Yahoo's shapes with values of 1 March 2024).
 */
class YahooHistoryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** What the local server answers next, and what it was asked. */
    private record Answer(
            int status,
            String contentType,
            String body,
            Map<String, String> headers,
            Duration delay) {}

    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<URI> asked = new AtomicReference<>();
    private final AtomicReference<String> userAgent = new AtomicReference<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;
    private YahooHistory yahoo;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
        yahoo =
                new YahooHistory(
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                        HttpClient.newBuilder());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        asked.set(exchange.getRequestURI());
        userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
        Answer a = answer.get();
        try {
            Thread.sleep(a.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", a.contentType());
        a.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void answer(int status, String resource) {
        answer(status, resource, Map.of());
    }

    private void answer(int status, String resource, Map<String, String> headers) {
        String type =
                resource.endsWith(".html")
                        ? "text/html; charset=utf-8"
                        : "application/json;charset=utf-8";
        answer.set(new Answer(status, type, sample(resource), headers, Duration.ZERO));
    }

    private static String sample(String resource) {
        try (InputStream in = YahooHistoryTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HistoryWindow window(String symbol, BarSize size, String from, String to) {
        return new HistoryWindow(
                Contract.stock(symbol, "SMART"),
                size,
                Instant.parse(from),
                Instant.parse(to),
                WhatToShow.TRADES,
                true,
                null);
    }

    /** The five minutes of the 1-minute sample. */
    private static HistoryWindow minutes() {
        return window("AAPL", BarSize.MIN_1, "2024-03-01T14:30:00Z", "2024-03-01T14:35:00Z");
    }

    private HistoryFailureException failure(HistoryWindow window, Duration timeout) {
        return assertThrows(HistoryFailureException.class, () -> yahoo.bars(window, timeout));
    }

    private HistoryFailureException failure(HistoryWindow window) {
        return failure(window, TIMEOUT);
    }

    private static Bar bar(
            String start, String open, String high, String low, String close, String volume) {
        return new Bar(
                Instant.parse(start),
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                new BigDecimal(close),
                volume == null ? null : new BigDecimal(volume),
                null,
                null);
    }

    @Test
    void aGoodAnswerIsBarsAtTheirMinutesRoundedToYahoosPriceHint() {
        answer(200, "yahoo-aapl-1m.json");
        SourceBars answer = yahoo.bars(minutes(), TIMEOUT);
        assertEquals(
                List.of(
                        bar(
                                "2024-03-01T14:30:00Z",
                                "179.55",
                                "179.80",
                                "179.30",
                                "179.67",
                                "1523400"),
                        bar(
                                "2024-03-01T14:31:00Z",
                                "179.67",
                                "179.92",
                                "179.50",
                                "179.88",
                                "412876"),
                        bar("2024-03-01T14:34:00Z", "179.70", "179.85", "179.62", "179.81", null)),
                answer.bars());
        assertEquals(
                List.of(
                        new SkippedBar(
                                "bar at 2024-03-01T14:32:00Z",
                                "Yahoo sent no open, high, low, close"),
                        new SkippedBar(
                                "bar at 2024-03-01T14:33:00Z", "open 179.88 is above high 179.75")),
                answer.skipped());
    }

    @Test
    void theRequestAsksForTheWindowAsABrowserWould() {
        answer(200, "yahoo-aapl-1m.json");
        yahoo.bars(minutes(), TIMEOUT);
        assertEquals("/v8/finance/chart/AAPL", asked.get().getPath());
        assertEquals(
                "period1=1709303400&period2=1709303700&interval=1m&includePrePost=false&events=history",
                asked.get().getQuery());
        assertTrue(userAgent.get().startsWith("Mozilla/5.0 ("), userAgent.get());
    }

    @Test
    void barsOutsideTheWindowAreLeftOut() {
        answer(200, "yahoo-aapl-1m.json");
        SourceBars answer =
                yahoo.bars(
                        window(
                                "AAPL",
                                BarSize.MIN_1,
                                "2024-03-01T14:31:00Z",
                                "2024-03-01T14:32:00Z"),
                        TIMEOUT);
        assertEquals(
                List.of(Instant.parse("2024-03-01T14:31:00Z")),
                answer.bars().stream().map(Bar::start).toList());
        assertEquals(
                List.of(), answer.skipped(), "what is wrong outside the window is not its fault");
    }

    @Test
    void dailyBarsAreStoredAtMidnightUtcOfTheirTradingDate() {
        answer(200, "yahoo-aapl-1d.json");
        SourceBars answer =
                yahoo.bars(
                        window(
                                "AAPL",
                                BarSize.DAY_1,
                                "2024-02-29T00:00:00Z",
                                "2024-03-02T00:00:00Z"),
                        TIMEOUT);
        assertEquals(
                List.of(
                        bar(
                                "2024-02-29T00:00:00Z",
                                "181.27",
                                "182.57",
                                "179.53",
                                "180.75",
                                "136682600"),
                        bar(
                                "2024-03-01T00:00:00Z",
                                "179.55",
                                "180.53",
                                "177.38",
                                "179.66",
                                "73488000")),
                answer.bars(),
                "Yahoo times them at the opening, 14:30 UTC; 28 February is outside");
        assertEquals(
                "period1=1709078400&period2=1709424000&interval=1d&includePrePost=false&events=history",
                asked.get().getQuery(),
                "a day more on each side, for exchanges whose opening is the UTC day before");
    }

    @Test
    void yahooSpellsIntervalsAndClassSharesItsOwnWay() {
        answer(200, "yahoo-no-timestamps.json");
        String from = "2024-03-01T00:00:00Z";
        String to = "2024-03-02T00:00:00Z";
        yahoo.bars(window("BRK.B", BarSize.HOUR_1, from, to), TIMEOUT);
        assertEquals("/v8/finance/chart/BRK-B", asked.get().getPath());
        assertTrue(asked.get().getQuery().contains("&interval=60m&"), asked.get().getQuery());
        yahoo.bars(window("AAPL", BarSize.WEEK_1, from, to), TIMEOUT);
        assertTrue(asked.get().getQuery().contains("&interval=1wk&"), asked.get().getQuery());
        yahoo.bars(window("AAPL", BarSize.MONTH_1, from, to), TIMEOUT);
        assertTrue(asked.get().getQuery().contains("&interval=1mo&"), asked.get().getQuery());
        yahoo.bars(
                new HistoryWindow(
                        Contract.stock("AAPL", "SMART"),
                        BarSize.MIN_5,
                        Instant.parse(from),
                        Instant.parse(to),
                        WhatToShow.TRADES,
                        false,
                        null),
                TIMEOUT);
        assertTrue(
                asked.get().getQuery().contains("&interval=5m&includePrePost=true&"),
                asked.get().getQuery());
    }

    @Test
    void aRangeWithoutDataIsAnEmptyWindow() {
        answer(200, "yahoo-no-timestamps.json");
        assertEquals(SourceBars.none(), yahoo.bars(minutes(), TIMEOUT));
        answer(400, "yahoo-no-data-in-range.json");
        assertEquals(SourceBars.none(), yahoo.bars(minutes(), TIMEOUT));
    }

    @Test
    void aSymbolYahooDoesNotKnowIsSaidSo() {
        answer(404, "yahoo-not-found.json");
        HistoryFailureException failure =
                failure(
                        window(
                                "NOSUCH",
                                BarSize.DAY_1,
                                "2024-03-01T00:00:00Z",
                                "2024-03-02T00:00:00Z"));
        assertEquals(Kind.NO_SUCH_CONTRACT, failure.kind());
        assertEquals(
                "Yahoo Finance knows no NOSUCH: No data found, symbol may be delisted",
                failure.getMessage());
    }

    @Test
    void anyOtherRefusalKeepsYahoosStatusAndDescription() {
        answer(422, "yahoo-too-old.json");
        HistoryFailureException failure = failure(minutes());
        assertEquals(Kind.REFUSED, failure.kind());
        assertEquals(
                "Yahoo Finance refused AAPL 1m TRADES from 2024-03-01T14:30:00Z to"
                        + " 2024-03-01T14:35:00Z (HTTP 422): 1m data not available for"
                        + " startTime=1706745600 and endTime=1707350400. The requested range must"
                        + " be within the last 30 days.",
                failure.getMessage());
    }

    @Test
    void rateLimitingIsTransientAndSaysHowLongToWait() {
        answer(429, "yahoo-server-error.json", Map.of("Retry-After", "30"));
        HistoryFailureException failure = failure(minutes());
        assertEquals(Kind.UNAVAILABLE, failure.kind());
        assertTrue(failure.kind().isTransient());
        assertEquals(
                "Yahoo Finance is rate limiting this server (HTTP 429); it asks to wait 30 s"
                        + " before trying again",
                failure.getMessage());
        answer.set(
                new Answer(
                        429,
                        "text/plain",
                        "Too Many Requests\r\n",
                        Map.of("Retry-After", "Fri, 01 Mar 2024 15:00:00 GMT"),
                        Duration.ZERO));
        assertEquals(
                "Yahoo Finance is rate limiting this server (HTTP 429); it asks to wait until"
                        + " 2024-03-01T15:00:00Z before trying again",
                failure(minutes()).getMessage());
        answer.set(new Answer(429, "text/plain", "Too Many Requests\r\n", Map.of(), Duration.ZERO));
        assertTrue(failure(minutes()).getMessage().endsWith("the job tries again later"));
    }

    @Test
    void aServerErrorIsTransient() {
        answer(500, "yahoo-server-error.json");
        HistoryFailureException failure = failure(minutes());
        assertEquals(Kind.UNAVAILABLE, failure.kind());
        assertEquals(
                "Yahoo Finance cannot serve now (HTTP 500: Something went wrong on our side)",
                failure.getMessage());
        answer(503, "yahoo-consent.html");
        assertEquals(Kind.UNAVAILABLE, failure(minutes()).kind());
    }

    @Test
    void anHtmlPageInsteadOfJsonIsNamedNotParsed() {
        answer(200, "yahoo-consent.html");
        HistoryFailureException failure = failure(minutes());
        assertEquals(Kind.CORRUPT_DATA, failure.kind());
        assertFalse(failure.kind().isTransient());
        assertEquals(
                "Yahoo Finance answered AAPL 1m TRADES from 2024-03-01T14:30:00Z to"
                    + " 2024-03-01T14:35:00Z with HTTP 200 and text/html; charset=utf-8 titled"
                    + " \"Yahoo is part of the Yahoo family of brands\", not the JSON of a chart",
                failure.getMessage());
        answer(404, "yahoo-consent.html");
        HistoryFailureException notFound = failure(minutes());
        assertEquals(Kind.REFUSED, notFound.kind());
        assertTrue(
                notFound.getMessage().contains("with HTTP 404 and text/html"),
                notFound.getMessage());
        answer.set(new Answer(200, "application/json", "", Map.of(), Duration.ZERO));
        assertTrue(failure(minutes()).getMessage().contains("HTTP 200 and an empty body"));
        answer.set(
                new Answer(
                        200,
                        "application/json",
                        "{\"quoteResponse\":{}}",
                        Map.of(),
                        Duration.ZERO));
        assertTrue(failure(minutes()).getMessage().contains("not the JSON of a chart"));
    }

    @Test
    void aSlowAnswerTimesOut() {
        answer.set(
                new Answer(
                        200,
                        "application/json",
                        sample("yahoo-aapl-1m.json"),
                        Map.of(),
                        Duration.ofSeconds(3)));
        long started = System.nanoTime();
        HistoryFailureException failure = failure(minutes(), Duration.ofMillis(300));
        assertEquals(Kind.TIMED_OUT, failure.kind());
        assertTrue(failure.getMessage().endsWith("within 300 ms"), failure.getMessage());
        assertTrue(
                Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0);
    }

    @Test
    void noServerIsUnavailableForNow() throws IOException {
        int port;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = nobody.getLocalPort();
        }
        YahooHistory unreachable =
                new YahooHistory("http://127.0.0.1:" + port, HttpClient.newBuilder());
        HistoryFailureException failure =
                assertThrows(
                        HistoryFailureException.class, () -> unreachable.bars(minutes(), TIMEOUT));
        assertEquals(Kind.UNAVAILABLE, failure.kind());
        assertTrue(
                failure.getMessage()
                        .startsWith(
                                "Yahoo Finance at http://127.0.0.1:" + port + " cannot be reached"),
                failure.getMessage());
    }

    @Test
    void itServesYahoosIntervalsWithinYahoosLimitsAndTradesOnly() {
        assertEquals(HistorySourceName.YAHOO, yahoo.name());
        assertEquals(Duration.ofDays(7), yahoo.longestWindow(BarSize.MIN_1).orElseThrow());
        for (BarSize size : List.of(BarSize.MIN_2, BarSize.MIN_5, BarSize.MIN_15, BarSize.MIN_30)) {
            assertEquals(Duration.ofDays(60), yahoo.longestWindow(size).orElseThrow());
        }
        assertEquals(Duration.ofDays(730), yahoo.longestWindow(BarSize.HOUR_1).orElseThrow());
        for (BarSize size : List.of(BarSize.DAY_1, BarSize.WEEK_1, BarSize.MONTH_1)) {
            assertEquals(Duration.ofDays(3652), yahoo.longestWindow(size).orElseThrow());
        }
        for (BarSize size :
                List.of(
                        BarSize.SEC_1,
                        BarSize.SEC_5,
                        BarSize.SEC_10,
                        BarSize.SEC_15,
                        BarSize.SEC_30,
                        BarSize.MIN_3,
                        BarSize.MIN_10,
                        BarSize.MIN_20,
                        BarSize.HOUR_2,
                        BarSize.HOUR_3,
                        BarSize.HOUR_4,
                        BarSize.HOUR_8)) {
            assertTrue(yahoo.longestWindow(size).isEmpty(), size.label());
        }
        assertTrue(yahoo.serves(WhatToShow.TRADES));
        for (WhatToShow series :
                List.of(WhatToShow.MIDPOINT, WhatToShow.BID, WhatToShow.ASK, WhatToShow.BID_ASK)) {
            assertFalse(yahoo.serves(series), series.name());
        }
    }

    @Test
    void whatYahooCannotServeIsRefusedWithoutAsking() {
        HistoryFailureException seconds =
                failure(
                        window(
                                "AAPL",
                                BarSize.SEC_5,
                                "2024-03-01T14:30:00Z",
                                "2024-03-01T14:35:00Z"));
        assertEquals(Kind.REFUSED, seconds.kind());
        assertTrue(
                seconds.getMessage().startsWith("Yahoo Finance has no 5s bars"),
                seconds.getMessage());
        HistoryFailureException future =
                failure(
                        new HistoryWindow(
                                new Contract(
                                        "ESZ6",
                                        InstrumentKind.FUTURE,
                                        "CME",
                                        "USD",
                                        new BigDecimal("0.25"),
                                        java.time.LocalDate.of(2026, 12, 18)),
                                BarSize.DAY_1,
                                Instant.parse("2024-03-01T00:00:00Z"),
                                Instant.parse("2024-03-02T00:00:00Z"),
                                WhatToShow.TRADES,
                                true,
                                null));
        assertEquals(Kind.REFUSED, future.kind());
        assertNull(asked.get(), "nothing was asked");
    }
}
