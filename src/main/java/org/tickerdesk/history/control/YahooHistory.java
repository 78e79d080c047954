package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.entity.InstrumentKind;

/**
 * Historical bars from Yahoo Finance's chart endpoint: one {@code GET
 * {base}/v8/finance/chart/{symbol}?period1=…&period2=…&interval=…&includePrePost=…&events=history}
 * per window, read by {@link YahooChart}. The base is {@code tickerdesk.history.yahoo.base-url}.
 * Yahoo publishes no terms for this endpoint; it answers browsers, so the request says it is one.
 *
 * <p>Limits, Yahoo's own: bars of 1m, 2m, 5m, 15m, 30m, 1h (Yahoo's 60m), 1d, 1w and 1M only, and
 * trades only (no bid, ask or midpoint series). One request may cover at most 7 days of 1-minute
 * bars, 60 days of 2- to 30-minute bars, 730 days of hourly bars and (by this source's choice, to
 * keep an answer small) 10 years of daily and longer bars. Yahoo also keeps 1-minute bars for the
 * last 30 days only, 2- to 30-minute bars for 60 days and hourly bars for 730 days; it refuses an
 * older window, with its reason. Stocks only, with Yahoo's spelling of a class share (BRK.B is
 * BRK-B). Regular hours only asks Yahoo to leave out pre- and post-market bars.
 *
 * <p>Transient, so the job retries: no answer within the timeout (TIMED_OUT), Yahoo unreachable,
 * rate limiting (HTTP 429, with the wait Yahoo asks for) and HTTP 5xx (UNAVAILABLE). For good: a
 * symbol Yahoo does not know (NO_SUCH_CONTRACT), any other refusal (REFUSED, with Yahoo's status
 * and description), and an answer that is not the JSON of a chart, such as a consent page
 * (CORRUPT_DATA, naming what came instead). A range without data is an empty window.
 */
@ApplicationScoped
@HistorySource.ConfiguredAs(HistorySourceName.YAHOO)
public class YahooHistory implements HistorySource {

    static final String BASE_URL = "tickerdesk.history.yahoo.base-url";
    static final int PARALLELISM = 2;

    static final String USER_AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int LONGEST_QUOTE = 200;

    private record Interval(String yahoo, Duration longest) {}

    private static final Map<BarSize, Interval> INTERVALS = new EnumMap<>(BarSize.class);

    static {
        INTERVALS.put(BarSize.MIN_1, new Interval("1m", Duration.ofDays(7)));
        INTERVALS.put(BarSize.MIN_2, new Interval("2m", Duration.ofDays(60)));
        INTERVALS.put(BarSize.MIN_5, new Interval("5m", Duration.ofDays(60)));
        INTERVALS.put(BarSize.MIN_15, new Interval("15m", Duration.ofDays(60)));
        INTERVALS.put(BarSize.MIN_30, new Interval("30m", Duration.ofDays(60)));
        INTERVALS.put(BarSize.HOUR_1, new Interval("60m", Duration.ofDays(730)));
        INTERVALS.put(BarSize.DAY_1, new Interval("1d", Duration.ofDays(3652)));
        INTERVALS.put(BarSize.WEEK_1, new Interval("1wk", Duration.ofDays(3652)));
        INTERVALS.put(BarSize.MONTH_1, new Interval("1mo", Duration.ofDays(3652)));
    }

    private String base;
    private HttpClient client;

    protected YahooHistory() {
        // for CDI
    }

    @Inject
    public YahooHistory(@ConfigProperty(name = BASE_URL) String base) {
        this(base, HttpClient.newBuilder());
    }

    YahooHistory(String base, HttpClient.Builder client) {
        this.base = base.strip().replaceAll("/+$", "");
        this.client =
                client.connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    @Override
    public HistorySourceName name() {
        return HistorySourceName.YAHOO;
    }

    /**
     * Yahoo keeps 1-minute bars for the last 30 days, 2- to 30-minute bars for 60 and hourly bars
     * for 730; daily and longer ones for as long as the instrument has traded.
     */
    @Override
    public Optional<Duration> reachBack(BarSize barSize) {
        return switch (barSize) {
            case MIN_1 -> Optional.of(Duration.ofDays(30));
            case MIN_2, MIN_5, MIN_15, MIN_30 -> Optional.of(Duration.ofDays(60));
            case HOUR_1 -> Optional.of(Duration.ofDays(730));
            default -> Optional.empty();
        };
    }

    @Override
    public Optional<Duration> longestWindow(BarSize barSize) {
        return Optional.ofNullable(INTERVALS.get(barSize)).map(Interval::longest);
    }

    @Override
    public boolean serves(WhatToShow series) {
        return series == WhatToShow.TRADES;
    }

    /** Yahoo rate-limits by address; two requests at a time keep well clear of it. */
    @Override
    public int parallelism() {
        return PARALLELISM;
    }

    @Override
    public SourceBars bars(HistoryWindow window, Duration timeout) {
        URI uri = uri(window);
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("User-Agent", USER_AGENT)
                        .header("Accept", "application/json")
                        .GET()
                        .build();
        HttpResponse<String> response = send(window, request, timeout);
        return answer(window, response);
    }

    /** The chart request for a window; a window Yahoo cannot serve is refused before asking. */
    URI uri(HistoryWindow window) {
        Interval interval = INTERVALS.get(window.barSize());
        if (interval == null) {
            throw new HistoryFailureException(
                    Kind.REFUSED,
                    "Yahoo Finance has no "
                            + window.barSize().label()
                            + " bars; it has 1m, 2m, 5m,"
                            + " 15m, 30m, 1h, 1d, 1w and 1M");
        }
        if (!serves(window.whatToShow())) {
            throw new HistoryFailureException(
                    Kind.REFUSED,
                    "Yahoo Finance has trades only, no " + window.whatToShow() + " bars");
        }
        if (window.contract().kind() != InstrumentKind.STOCK) {
            throw new HistoryFailureException(
                    Kind.REFUSED,
                    "Yahoo Finance is asked for stocks only; "
                            + window.contract().symbol()
                            + " is "
                            + window.contract().kind().name().toLowerCase(Locale.ROOT));
        }
        // Yahoo times a daily bar at the exchange's opening, which in Sydney or Tokyo is the UTC
        // day before the date the bar is stored under: a day more on each side catches it.
        Instant from = window.from();
        Instant to = window.to();
        if (window.barSize().isDailyOrLonger()) {
            from = from.minus(Duration.ofDays(1));
            to = to.plus(Duration.ofDays(1));
        }
        long period2 = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        String symbol = window.contract().symbol().replace('.', '-');
        try {
            return URI.create(
                    base
                            + "/v8/finance/chart/"
                            + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                            + "?period1="
                            + from.getEpochSecond()
                            + "&period2="
                            + period2
                            + "&interval="
                            + interval.yahoo()
                            + "&includePrePost="
                            + !window.regularHoursOnly()
                            + "&events=history");
        } catch (IllegalArgumentException e) {
            throw new HistoryFailureException(
                    Kind.NO_SOURCE,
                    "'" + base + "' (" + BASE_URL + ") is not a URL: " + e.getMessage());
        }
    }

    private HttpResponse<String> send(HistoryWindow window, HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timedOut(window, timeout);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new HistoryFailureException(
                    Kind.TIMED_OUT,
                    "Interrupted while waiting for Yahoo Finance's bars of " + window.describe());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(window, timeout);
            }
            if (cause instanceof ConnectException) {
                throw new HistoryFailureException(
                        Kind.UNAVAILABLE,
                        "Yahoo Finance at " + base + " cannot be reached: " + describe(cause));
            }
            if (cause instanceof IOException) {
                throw new HistoryFailureException(
                        Kind.UNAVAILABLE,
                        "The connection to Yahoo Finance at "
                                + base
                                + " failed: "
                                + describe(cause));
            }
            throw new HistoryFailureException(
                    Kind.UNAVAILABLE, "Yahoo Finance could not be asked: " + describe(cause));
        }
    }

    private static SourceBars answer(HistoryWindow window, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429) {
            throw new HistoryFailureException(
                    Kind.UNAVAILABLE,
                    "Yahoo Finance is rate limiting this server (HTTP 429)" + retryAfter(response));
        }
        String body = response.body() == null ? "" : response.body();
        YahooChart chart;
        try {
            chart = YahooChart.parse(body);
        } catch (IllegalArgumentException notJson) {
            String what = whatCameBack(response, body);
            if (status >= 500) {
                throw unavailable(status, what);
            }
            throw new HistoryFailureException(
                    status >= 400 ? Kind.REFUSED : Kind.CORRUPT_DATA,
                    "Yahoo Finance answered "
                            + window.describe()
                            + " with HTTP "
                            + status
                            + " and "
                            + what
                            + ", not the JSON of a chart");
        }
        Optional<YahooChart.Error> error = chart.error();
        if (status >= 500) {
            throw unavailable(status, error.map(YahooChart.Error::description).orElse(""));
        }
        if (error.isPresent()) {
            YahooChart.Error e = error.get();
            if (e.isNoDataInRange()) {
                return SourceBars.none();
            }
            if (e.isNotFound()) {
                throw new HistoryFailureException(
                        Kind.NO_SUCH_CONTRACT,
                        "Yahoo Finance knows no "
                                + window.contract().symbol()
                                + ": "
                                + e.description());
            }
            throw refused(window, status, e.description());
        }
        if (status < 200 || status >= 300) {
            throw refused(window, status, "Yahoo gave no reason");
        }
        try {
            return chart.bars(window.from(), window.to(), window.barSize().isDailyOrLonger());
        } catch (IllegalArgumentException e) {
            throw new HistoryFailureException(
                    Kind.CORRUPT_DATA,
                    "Yahoo Finance's chart for "
                            + window.describe()
                            + " cannot be read: "
                            + e.getMessage());
        }
    }

    private static HistoryFailureException unavailable(int status, String detail) {
        return new HistoryFailureException(
                Kind.UNAVAILABLE,
                "Yahoo Finance cannot serve now (HTTP "
                        + status
                        + (detail.isBlank() ? "" : ": " + detail)
                        + ")");
    }

    private static HistoryFailureException refused(
            HistoryWindow window, int status, String reason) {
        return new HistoryFailureException(
                Kind.REFUSED,
                "Yahoo Finance refused " + window.describe() + " (HTTP " + status + "): " + reason);
    }

    /** The content type and the page's title, never the page. */
    private static String whatCameBack(HttpResponse<String> response, String body) {
        if (body.isBlank()) {
            return "an empty body";
        }
        String type = response.headers().firstValue("Content-Type").orElse("no content type");
        Matcher title = TITLE.matcher(body);
        return title.find() ? type + " titled \"" + quote(title.group(1)) + "\"" : type;
    }

    /** Retry-After is seconds or an HTTP date. */
    private static String retryAfter(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return "; it names no time to wait, so the job tries again later";
        }
        String value = header.get();
        if (value.matches("\\d{1,9}")) {
            return "; it asks to wait " + value + " s before trying again";
        }
        try {
            Instant until =
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return "; it asks to wait until " + until + " before trying again";
        } catch (DateTimeParseException e) {
            return "; it asks to wait (Retry-After: " + quote(value) + ")";
        }
    }

    private static HistoryFailureException timedOut(HistoryWindow window, Duration timeout) {
        return new HistoryFailureException(
                Kind.TIMED_OUT,
                "Yahoo Finance did not answer for "
                        + window.describe()
                        + " within "
                        + timeout.toMillis()
                        + " ms");
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** Text from the wire, made one printable line of bounded length. */
    private static String quote(String text) {
        String line = text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "").strip();
        return line.length() > LONGEST_QUOTE ? line.substring(0, LONGEST_QUOTE) + "…" : line;
    }
}
