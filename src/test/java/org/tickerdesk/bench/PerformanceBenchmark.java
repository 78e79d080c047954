package org.tickerdesk.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Every trader's performance over HTTP ({@code ./mvnw -Pbench-performance package -DskipTests}, see
 * the README's "Benchmarks"): the real jar on its embedded PostgreSQL, {@code bench.traders}
 * traders created over REST, then {@code bench.trades} leader trades each written straight into the
 * intake log with COPY (four in five copied, nine in ten of those filled, the rest skipped) and one
 * copied position per five trades in each trader's book (one in ten of them still open). Then,
 * sequentially over one kept-alive HTTP/1.1 connection, {@code GET /api/v1/traders/performance}
 * each followed by {@code GET /health/live} as the reference:
 *
 * <ul>
 *   <li>warm: {@code bench.warm} reads one after the other; those answered from the 2-second cache
 *       (the same {@code computedAt} as the read before) are counted as warm, the ones that found
 *       it expired and computed are counted with the cold;
 *   <li>cold: {@code bench.cold} reads, each sent 2.1 seconds after the answer before it, so each
 *       finds the cache expired and computes all traders' figures (checked by its {@code
 *       computedAt}).
 * </ul>
 */
public final class PerformanceBenchmark {

    private static final int TRADERS = Integer.getInteger("bench.traders", 100);
    private static final int TRADES = Integer.getInteger("bench.trades", 10_000);
    private static final int WARM = Integer.getInteger("bench.warm", 1_000);
    private static final int COLD = Integer.getInteger("bench.cold", 30);

    /**
     * Cold reads after every trader's intake was written to: the instance then sums every trader
     * again, as at a start, rather than only those that changed.
     */
    private static final int CHANGED = Integer.getInteger("bench.changed", 10);

    private static final boolean KEEP = Boolean.getBoolean("bench.keep");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern COMPUTED = Pattern.compile("\"computedAt\":\"([^\"]+)\"");
    private static final int SYMBOLS = 20;

    private PerformanceBenchmark() {}

    public static void main(String[] args) throws Exception {
        TickerdeskProcess server = new TickerdeskProcess("bench-performance", Map.of()).clean();
        try {
            server.start();
            HttpClient client =
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5))
                            .build();
            long[] ids = new long[TRADERS];
            for (int i = 0; i < TRADERS; i++) {
                ids[i] = create(client, server, i);
            }
            long seeding = System.nanoTime();
            try (Connection db =
                    DriverManager.getConnection(
                            server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "")) {
                seed(db, ids);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%d traders × %d trades written in %.1f s%n",
                    TRADERS,
                    TRADES,
                    (System.nanoTime() - seeding) / 1e9);
            // the first computation, and the JIT's first pass over it, is not counted
            for (int i = 0; i < 5; i++) {
                read(client, server);
                Thread.sleep(2_100);
            }
            long[] warm = new long[WARM];
            long[] warmHealth = new long[WARM];
            long[] recomputed = new long[WARM];
            int warmCount = 0;
            int recomputedCount = 0;
            String last = read(client, server).computedAt;
            for (int i = 0; i < WARM; i++) {
                Read r = read(client, server);
                long health = health(client, server);
                if (r.computedAt.equals(last)) {
                    warm[warmCount] = r.micros;
                    warmHealth[warmCount++] = health;
                } else {
                    recomputed[recomputedCount++] = r.micros;
                }
                last = r.computedAt;
            }
            long[] cold = new long[COLD];
            long[] coldHealth = new long[COLD];
            for (int i = 0; i < COLD; i++) {
                // the entry's 2 seconds run from when it was stored, after its computation
                Thread.sleep(2_100);
                Read r = read(client, server);
                if (r.computedAt.equals(last)) {
                    throw new IllegalStateException("still cached after 2.1 s: " + last);
                }
                cold[i] = r.micros;
                coldHealth[i] = health(client, server);
                last = r.computedAt;
            }
            long[] changed = new long[CHANGED];
            try (Connection db =
                            DriverManager.getConnection(
                                    server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "");
                    Statement touch = db.createStatement()) {
                for (int i = 0; i < CHANGED; i++) {
                    touch.executeUpdate(
                            "UPDATE copy_intake SET detail = detail WHERE id IN (SELECT min(id)"
                                    + " FROM copy_intake GROUP BY trader_id)");
                    Thread.sleep(2_100);
                    Read r = read(client, server);
                    if (r.computedAt.equals(last)) {
                        throw new IllegalStateException("still cached after 2.1 s: " + last);
                    }
                    changed[i] = r.micros;
                    last = r.computedAt;
                }
            }
            warm = Arrays.copyOf(warm, warmCount);
            warmHealth = Arrays.copyOf(warmHealth, warmCount);
            recomputed = Arrays.copyOf(recomputed, recomputedCount);
            System.out.println();
            System.out.println(
                    "| GET /api/v1/traders/performance, "
                            + TRADERS
                            + " traders × "
                            + TRADES
                            + " trades | n | p50 ms | p99 ms | max ms | p99 / health p99 |");
            System.out.println("|---|--:|--:|--:|--:|--:|");
            double healthP99 = ToggleBenchmark.percentile(warmHealth, 0.99);
            row("warm (from the 2 s cache)", warm, healthP99);
            row("cold (after > 2 s: computed)", cold, healthP99);
            row("cold, every trader's intake written since the read before", changed, healthP99);
            if (recomputed.length > 0) {
                row("computed during the warm run (cache expired)", recomputed, healthP99);
            }
            row("GET /health/live after each warm read", warmHealth, healthP99);
            row("GET /health/live after each cold read", coldHealth, healthP99);
        } finally {
            server.stop();
            if (!KEEP) {
                TickerdeskProcess.deleteRecursively(server.dataDir());
            }
        }
    }

    /** One answer's latency in microseconds and its {@code computedAt}. */
    private record Read(long micros, String computedAt) {}

    private static Read read(HttpClient client, TickerdeskProcess server)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/traders/performance"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                        .GET()
                        .build();
        long started = System.nanoTime();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - started) / 1_000;
        Matcher computed = COMPUTED.matcher(answer.body());
        if (answer.statusCode() != 200 || !computed.find()) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        }
        return new Read(micros, computed.group(1));
    }

    private static long health(HttpClient client, TickerdeskProcess server)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> live =
                client.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health/live"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (live.statusCode() != 200) {
            throw new IllegalStateException("health: " + live.statusCode());
        }
        return (System.nanoTime() - started) / 1_000;
    }

    /** The traders' trades and copied positions, written with COPY. */
    private static void seed(Connection db, long[] ids) throws SQLException, IOException {
        SplittableRandom random = new SplittableRandom(11);
        Instant start = Instant.parse("2026-01-05T14:30:00Z");
        for (long trader : ids) {
            StringBuilder intake = new StringBuilder(TRADES * 220);
            StringBuilder positions = new StringBuilder(TRADES / 5 * 120);
            for (int t = 0; t < TRADES; t++) {
                String symbol = String.format("S%04d", random.nextInt(SYMBOLS));
                boolean buy = random.nextBoolean();
                double price = 50 + random.nextDouble() * 100;
                Instant traded = start.plusSeconds(t * 60L);
                boolean copied = random.nextInt(5) != 0;
                boolean filled = copied && random.nextInt(10) != 0;
                Instant ordered = traded.plusMillis(50 + random.nextInt(450));
                Instant fill = ordered.plusMillis(1 + random.nextInt(200));
                double fillPrice = price * (1 + (random.nextDouble() - 0.4) / 1_000);
                intake.append(trader)
                        .append("\twebhook\tb-")
                        .append(t)
                        .append('\t')
                        .append(symbol)
                        .append('\t')
                        .append(buy ? "BUY" : "SELL")
                        .append('\t')
                        .append(1 + random.nextInt(100))
                        .append('\t')
                        .append(String.format(Locale.ROOT, "%.4f", price))
                        .append('\t')
                        .append(traded)
                        .append('\t')
                        .append(traded.plusMillis(10))
                        .append('\t')
                        .append(copied ? "COPIED\t\\N\t" : "SKIPPED\tOVER_TRADE_CAP\t")
                        .append(traded.plusMillis(20))
                        .append('\t');
                if (copied) {
                    intake.append(buy ? "BUY" : "SELL")
                            .append("\t1\tOPENS\tcp-")
                            .append(trader)
                            .append('-')
                            .append(t)
                            .append('\t')
                            .append(ordered)
                            .append('\t');
                    if (filled) {
                        intake.append(fill)
                                .append('\t')
                                .append(String.format(Locale.ROOT, "%.4f", fillPrice));
                    } else {
                        intake.append("\\N\t\\N");
                    }
                } else {
                    intake.append("\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N");
                }
                intake.append('\n');
                if (t % 5 == 0) {
                    boolean open = t % 50 == 0;
                    positions
                            .append(symbol)
                            .append("\tpaper\tpaper\tCOPY\t")
                            .append(open ? "OPEN\tBUY\t1\t1\t" : "CLOSED\tBUY\t1\t0\t")
                            .append("1\t100\t")
                            .append(
                                    String.format(
                                            Locale.ROOT, "%.2f", random.nextDouble() * 20 - 9))
                            .append("\t0.5\t")
                            .append(
                                    open
                                            ? String.format(
                                                    Locale.ROOT,
                                                    "%.2f",
                                                    random.nextDouble() * 10 - 5)
                                            : "\\N")
                            .append("\t{}\t")
                            .append(traded)
                            .append('\t')
                            .append(traded)
                            .append('\t')
                            .append(traded)
                            .append("\ttrader:")
                            .append(trader)
                            .append('\n');
                }
            }
            PGConnection pg = db.unwrap(PGConnection.class);
            pg.getCopyAPI()
                    .copyIn(
                            "COPY copy_intake (trader_id, feed, trade_id, symbol, side, quantity,"
                                    + " price, traded_at, received_at, status, reason, decided_at,"
                                    + " copy_side, copy_quantity, copy_effect, client_order_id,"
                                    + " ordered_at, filled_at, fill_price) FROM STDIN",
                            new StringReader(intake.toString()));
            pg.getCopyAPI()
                    .copyIn(
                            "COPY positions (symbol, account, broker, origin, state, side,"
                                    + " ordered_quantity, quantity, entered_quantity,"
                                    + " average_price, realized_pnl, fees, unrealized_pnl, rules,"
                                    + " opened_at, created_at, updated_at, book) FROM STDIN",
                            new StringReader(positions.toString()));
        }
        try (Statement sql = db.createStatement()) {
            sql.execute("ANALYZE copy_intake");
            sql.execute("ANALYZE positions");
        }
    }

    private static long create(HttpClient client, TickerdeskProcess server, int i)
            throws IOException, InterruptedException {
        HttpResponse<String> created =
                client.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/traders"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"name\":\"Bench "
                                                        + i
                                                        + "\",\"feed\":\"webhook\",\"allocation\":10000,"
                                                        + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException(created.statusCode() + " " + created.body());
        }
        return Long.parseLong(id.group(1));
    }

    private static void row(String name, long[] micros, double referenceP99) {
        double p99 = ToggleBenchmark.percentile(micros, 0.99);
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.2f | %.2f | %.2f | %.1f |%n",
                name,
                micros.length,
                ToggleBenchmark.percentile(micros, 0.50),
                p99,
                Arrays.stream(micros).max().orElse(0) / 1000.0,
                p99 / referenceP99);
    }
}
