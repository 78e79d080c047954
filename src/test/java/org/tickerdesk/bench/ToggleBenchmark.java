package org.tickerdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Toggling followed traders over HTTP ({@code ./mvnw -Pbench-traders package -DskipTests}, see the
 * README's "Benchmarks"): the real jar on its embedded PostgreSQL with {@code synchronous_commit}
 * on (checked and printed), {@code bench.traders} traders created, then {@code bench.toggles}
 * toggles, one after the other over one kept-alive HTTP/1.1 connection, each answered only once its
 * transaction is committed. After each toggle the same connection sends a reference request: {@code
 * GET /health/live} (no database) and {@code GET /api/v1/traders/{id}} (one read), so their
 * latencies, taken in the same moments on the same machine, show how much of a toggle's time is the
 * commit rather than the HTTP stack or a noisy neighbour. The warm-up is not counted: at least
 * {@code bench.warmUp} rounds, then rounds in windows of 1,000 until the server's JIT compilers
 * worked less than {@code bench.jitQuietMs} in each of two windows in a row ({@link ServerJit}), or
 * {@code bench.warmUpMax} rounds in all.
 */
public final class ToggleBenchmark {

    private static final int TRADERS = Integer.getInteger("bench.traders", 100);
    private static final int TOGGLES = Integer.getInteger("bench.toggles", 1_000);

    /**
     * Rounds before the counted ones: with 300 the server was still compiling the request path
     * while it was measured (/health/live took 2.1 ms at the median, 0.7 ms after 5,000).
     */
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 5_000);

    private static final int WARM_UP_MAX = Integer.getInteger("bench.warmUpMax", 40_000);
    private static final int WARM_UP_WINDOW = 1_000;

    /**
     * A window of 1,000 rounds takes about 2.5 s; 50 ms of compiling in it is 2 % of a core, where
     * the compilers worked more than 2 s in such a window after 5,000 rounds.
     */
    private static final long JIT_QUIET_MS = Long.getLong("bench.jitQuietMs", 50);

    private static final String JVM = System.getProperty("bench.jvm", "");
    private static final boolean KEEP = Boolean.getBoolean("bench.keep");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern ENABLED = Pattern.compile("\"enabled\":(true|false)");

    private ToggleBenchmark() {}

    public static void main(String[] args) throws Exception {
        TickerdeskProcess server =
                new TickerdeskProcess("bench-traders", Map.of())
                        .jvmOptions(
                                Arrays.stream(JVM.split(" ")).filter(o -> !o.isBlank()).toList())
                        .clean();
        try {
            server.start();
            String synchronousCommit = synchronousCommit(server);
            System.out.println("synchronous_commit = " + synchronousCommit);
            if (!"on".equals(synchronousCommit)) {
                throw new IllegalStateException(
                        "synchronous_commit is " + synchronousCommit + ", the benchmark needs on");
            }
            HttpClient client =
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5))
                            .build();
            long[] ids = new long[TRADERS];
            for (int i = 0; i < TRADERS; i++) {
                ids[i] = create(client, server, i);
            }
            Round measured;
            long compiledWhileMeasured;
            try (BlockingHttp http = new BlockingHttp(URI.create(server.baseUrl()));
                    ServerJit jit = ServerJit.of(server.pid())) {
                warmUp(http, ids, jit);
                long before = jit.compiledMillis();
                measured = run(http, ids, TOGGLES);
                compiledWhileMeasured = jit.compiledMillis() - before;
            }
            System.out.println(
                    "the server's JIT compilers worked "
                            + compiledWhileMeasured
                            + " ms while the counted rounds ran");
            System.out.println();
            System.out.println(
                    "| Request ("
                            + TOGGLES
                            + " each, sequential, one keep-alive connection) | p50 ms | p99 ms |"
                            + " max ms | p99 / health p99 |");
            System.out.println("|---|--:|--:|--:|--:|");
            double reference = percentile(measured.health, 0.99);
            row("POST /api/v1/traders/{id}/toggle (committed)", measured.toggle, reference);
            row("GET /api/v1/traders/{id} (one read)", measured.read, reference);
            row("GET /health/live (no database)", measured.health, reference);
            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "toggles over 5 ms: %d of %d%n",
                    Arrays.stream(measured.toggle).filter(micros -> micros > 5_000).count(),
                    measured.toggle.length);
            System.out.printf(
                    Locale.ROOT,
                    "toggle p99 %.2f ms: %s the 5 ms target%n",
                    percentile(measured.toggle, 0.99),
                    percentile(measured.toggle, 0.99) < 5 ? "under" : "NOT under");
        } finally {
            server.stop();
            if (!KEEP) {
                TickerdeskProcess.deleteRecursively(server.dataDir());
            }
        }
    }

    /**
     * Rounds until the server has compiled what the rounds need: at least {@link #WARM_UP}, then
     * until two windows in a row saw its compilers work less than {@link #JIT_QUIET_MS}.
     */
    private static void warmUp(BlockingHttp http, long[] ids, ServerJit jit) throws IOException {
        run(http, ids, WARM_UP);
        int rounds = WARM_UP;
        int quietWindows = 0;
        long lastWindow = -1;
        while (quietWindows < 2 && rounds < WARM_UP_MAX) {
            long before = jit.compiledMillis();
            run(http, ids, WARM_UP_WINDOW);
            rounds += WARM_UP_WINDOW;
            lastWindow = jit.compiledMillis() - before;
            quietWindows = lastWindow < JIT_QUIET_MS ? quietWindows + 1 : 0;
        }
        System.out.printf(
                Locale.ROOT,
                "warm-up: %d rounds; the server's JIT compilers worked %d ms in all, %d ms in the"
                        + " last %d rounds%s%n",
                rounds,
                jit.compiledMillis(),
                lastWindow,
                WARM_UP_WINDOW,
                quietWindows < 2 ? " (still compiling at bench.warmUpMax)" : "");
    }

    /** One run's latencies in microseconds, by request. */
    private record Round(long[] toggle, long[] read, long[] health) {}

    private static Round run(BlockingHttp http, long[] ids, int rounds) throws IOException {
        long[] toggle = new long[rounds];
        long[] read = new long[rounds];
        long[] health = new long[rounds];
        String token = TickerdeskProcess.API_TOKEN;
        for (int i = 0; i < rounds; i++) {
            long id = ids[i % ids.length];
            long started = System.nanoTime();
            BlockingHttp.Answer answer =
                    http.send("POST", "/api/v1/traders/" + id + "/toggle", token);
            toggle[i] = (System.nanoTime() - started) / 1_000;
            Matcher enabled = ENABLED.matcher(answer.body());
            if (answer.status() != 200 || !enabled.find()) {
                throw new IllegalStateException(
                        "toggle " + id + ": " + answer.status() + " " + answer.body());
            }
            started = System.nanoTime();
            BlockingHttp.Answer got = http.send("GET", "/api/v1/traders/" + id, token);
            read[i] = (System.nanoTime() - started) / 1_000;
            if (got.status() != 200 || !got.body().contains("\"enabled\":" + enabled.group(1))) {
                throw new IllegalStateException(
                        "the toggle's answer is not what is read: " + got.body());
            }
            started = System.nanoTime();
            BlockingHttp.Answer live = http.send("GET", "/health/live", null);
            health[i] = (System.nanoTime() - started) / 1_000;
            if (live.status() != 200) {
                throw new IllegalStateException("health: " + live.status());
            }
        }
        return new Round(toggle, read, health);
    }

    private static long create(HttpClient client, TickerdeskProcess server, int i)
            throws IOException, InterruptedException {
        HttpResponse<String> created =
                client.send(
                        authorized(server, "/api/v1/traders")
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

    private static HttpRequest.Builder authorized(TickerdeskProcess server, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TickerdeskProcess.API_TOKEN);
    }

    /** As a new connection of the server's own database sees it: the application sets no other. */
    private static String synchronousCommit(TickerdeskProcess server) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(
                                server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW synchronous_commit")) {
            row.next();
            return row.getString(1);
        }
    }

    private static void row(String name, long[] micros, double referenceP99) {
        double p99 = percentile(micros, 0.99);
        System.out.printf(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f | %.1f |%n",
                name,
                percentile(micros, 0.50),
                p99,
                Arrays.stream(micros).max().orElse(0) / 1000.0,
                p99 / referenceP99);
    }

    /** In milliseconds: the value at or below which the share of the samples lie (nearest rank). */
    static double percentile(long[] micros, double share) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }
}
