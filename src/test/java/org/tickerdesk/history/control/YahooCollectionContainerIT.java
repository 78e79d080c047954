package org.tickerdesk.history.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tickerdesk.history.control.CollectionContainerFixture.awaitEnd;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.JobDetail;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.testing.container.TickerdeskWar;

/**
 * A Yahoo collection run by the batch runtime against a local stand-in for Yahoo's chart endpoint,
 * started inside the server on the port its Yahoo source is pointed at: good bars are stored, a bar
 * Yahoo sent without a close is skipped and counted, an answer of HTTP 500 is asked again and
 * counted as a retry, and an unknown symbol or an HTML page fails the instrument with the reason,
 * storing nothing.
 */
@ExtendWith(ArquillianExtension.class)
class YahooCollectionContainerIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final Instant FROM = Instant.parse("2024-02-26T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-02T00:00:00Z");
    private static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
    private static HttpServer yahoo;

    @Deployment
    public static WebArchive deployment() {
        return TickerdeskWar.withContainerTests();
    }

    @Inject CollectionJobs jobs;

    @Inject InstrumentCatalog catalog;

    @Resource(lookup = "jdbc/tickerdesk")
    DataSource database;

    @BeforeEach
    void yahooAnswers() throws IOException {
        synchronized (YahooCollectionContainerIT.class) {
            if (yahoo == null) {
                URI base = URI.create(System.getProperty("tickerdesk.history.yahoo.base-url"));
                yahoo = HttpServer.create(new InetSocketAddress("127.0.0.1", base.getPort()), 0);
                yahoo.createContext("/v8/finance/chart/", YahooCollectionContainerIT::answer);
                yahoo.start();
            }
        }
        for (String symbol : List.of("YHA", "YHB", "YHC", "YHD")) {
            if (catalog.find(symbol).isEmpty()) {
                catalog.watch(Contract.stock(symbol, "SMART"), "yahoo test");
            }
        }
    }

    @Test
    void goodBarsAreStoredABarWithoutCloseIsSkippedAndA500IsRetried() throws Exception {
        JobSnapshot done =
                awaitEnd(WAIT, jobs, jobs.start(request(List.of("YHA", "YHB")), "t").id());

        assertEquals(JobStatus.COMPLETED, done.status(), () -> "ended " + done);
        assertEquals(3 + 4, done.barsWritten());
        assertEquals(1, done.barsSkipped());
        assertEquals(1, done.retries(), "YHB's first answer was a 500");
        assertEquals(3, count("YHA"));
        assertEquals(4, count("YHB"));
        assertEquals(
                "178.80000000",
                text(
                        "SELECT b.close::text FROM bars b JOIN instruments i ON i.id ="
                                + " b.instrument_id WHERE i.symbol = 'YHA' AND b.bar_size = '1d'"
                                + " ORDER BY b.start_time LIMIT 1"));
        JobDetail detail = jobs.detail(done.id()).orElseThrow();
        assertTrue(
                detail.skipped().stream().anyMatch(s -> s.where().startsWith("YHA")),
                detail.skipped().toString());
    }

    @Test
    void anUnknownSymbolAndAnHtmlPageFailTheirInstrumentWithTheReasonAndStoreNothing()
            throws Exception {
        JobSnapshot done =
                awaitEnd(WAIT, jobs, jobs.start(request(List.of("YHC", "YHD")), "t").id());

        assertEquals(JobStatus.FAILED, done.status(), () -> "ended " + done);
        assertEquals(0, count("YHC") + count("YHD"));
        String errors = done.partitions().toString();
        assertTrue(errors.contains("No data found, symbol may be delisted"), errors);
        assertTrue(errors.toLowerCase().contains("html"), errors);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String symbol = exchange.getRequestURI().getPath().replaceAll(".*/", "");
        int status = 200;
        String type = "application/json";
        String body;
        switch (symbol) {
            case "YHA" -> body = chart(symbol, 3, true);
            case "YHB" -> {
                if (FLAKY_CALLS.getAndIncrement() == 0) {
                    status = 500;
                    body = "{\"finance\":{\"result\":null,\"error\":{\"code\":\"Internal\"}}}";
                } else {
                    body = chart(symbol, 4, false);
                }
            }
            case "YHC" -> {
                status = 404;
                body =
                        "{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                                + "\"description\":\"No data found, symbol may be delisted\"}}}";
            }
            default -> {
                type = "text/html";
                body =
                        "<!doctype"
                            + " html><html><head><title>Consent</title></head><body></body></html>";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /**
     * Daily bars of Feb 26 to Mar 1 2024 as Yahoo times them (at the 09:30 New York open, 14:30
     * UTC): {@code days} good ones, then one without its close when {@code brokenLast}.
     */
    private static String chart(String symbol, int days, boolean brokenLast) {
        long first = Instant.parse("2024-02-26T14:30:00Z").getEpochSecond();
        StringBuilder times = new StringBuilder();
        StringBuilder open = new StringBuilder();
        StringBuilder high = new StringBuilder();
        StringBuilder low = new StringBuilder();
        StringBuilder close = new StringBuilder();
        StringBuilder volume = new StringBuilder();
        int count = brokenLast ? days + 1 : days;
        for (int i = 0; i < count; i++) {
            String sep = i == 0 ? "" : ",";
            times.append(sep).append(first + i * 86_400L);
            open.append(sep).append(180 + i);
            high.append(sep).append(181 + i);
            low.append(sep).append(178 + i);
            close.append(sep).append(brokenLast && i == count - 1 ? "null" : (178.8 + i) + "");
            volume.append(sep).append(1_000_000 + i);
        }
        return "{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\""
                + symbol
                + "\",\"exchangeTimezoneName\":\"America/New_York\",\"priceHint\":2,"
                + "\"dataGranularity\":\"1d\"},\"timestamp\":["
                + times
                + "],\"indicators\":{\"quote\":[{\"open\":["
                + open
                + "],\"high\":["
                + high
                + "],\"low\":["
                + low
                + "],\"close\":["
                + close
                + "],\"volume\":["
                + volume
                + "]}]}}],\"error\":null}}";
    }

    private static CollectionRequest request(List<String> symbols) {
        return new CollectionRequest(
                HistorySourceName.YAHOO,
                symbols,
                BarSize.DAY_1,
                FROM,
                TO,
                false,
                false,
                WhatToShow.TRADES,
                true,
                null);
    }

    /**
     * The symbol's daily bars: once watched, the simulated market's minute candles of it are
     * recorded as bars too, as many as the minutes the other tests took.
     */
    private long count(String symbol) throws SQLException {
        return Long.parseLong(
                text(
                        "SELECT count(*) FROM bars b JOIN instruments i ON i.id = b.instrument_id"
                                + " WHERE b.bar_size = '1d' AND i.symbol = '"
                                + symbol
                                + "'"));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }
}
