package org.tickerdesk.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.tickerdesk.bench.LoadGenerator.Window;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Tickerdesk's {@code /ws/market} beside {@link NettyFanoutReference}, scenario by scenario, with
 * the same {@link LoadGenerator} ({@code ./mvnw -Pbench-streaming package -DskipTests}, see the
 * README's "Benchmarks"). Each server runs in its own process at the same tick rate over the same
 * symbols S0000, S0001, ...; the load generator runs here. After a warm-up it measures messages
 * delivered per second, their latency from the source's {@code ts}, offset gaps, closes and the
 * server JVM's CPU time per delivered message, and prints a markdown table.
 */
public final class StreamingBenchmark {

    private static final long WARM_UP_SECONDS = Long.getLong("bench.warmUp", 10);
    private static final long MEASURE_SECONDS = Long.getLong("bench.measure", 20);
    private static final int STALLED = Integer.getInteger("bench.stalled", 0);
    private static final Duration PATIENCE =
            Duration.ofSeconds(Long.getLong("bench.connectSeconds", 120));
    private static final String HEAP = System.getProperty("bench.heap", "1g");
    private static final List<String> SERVERS =
            List.of(System.getProperty("bench.servers", "reference,tickerdesk").split(","));
    private static final Path DIR =
            Path.of(System.getProperty("tickerdesk.it.dir", "target/bench")).toAbsolutePath();

    /** Linux reports process CPU time in clock ticks of 1/100 s on every common architecture. */
    private static final long MICROS_PER_CLOCK_TICK = 10_000;

    /** What is running now, so that even an interrupted benchmark stops it on the way out. */
    private static final Set<AutoCloseable> RUNNING = ConcurrentHashMap.newKeySet();

    /**
     * {@code clients} over {@code symbols}, each on one symbol round robin or, if {@code
     * everySymbol}, on {@code quotes:*}; the source's rate makes {@code delivered} messages/s.
     */
    record Scenario(int clients, int symbols, double delivered, boolean everySymbol) {

        /** {@code clients:symbols:delivered}, with {@code :all} for {@code quotes:*} clients. */
        static Scenario parse(String spec) {
            String[] parts = spec.trim().split(":");
            return new Scenario(
                    Integer.parseInt(parts[0]),
                    Integer.parseInt(parts[1]),
                    Double.parseDouble(parts[2]),
                    parts.length > 3 && parts[3].equals("all"));
        }

        double ticksPerSecond() {
            return everySymbol ? delivered / clients : delivered / clients * symbols;
        }

        List<String> streams() {
            List<String> streams = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                streams.add(everySymbol ? "quotes:*" : String.format("quotes:S%04d", i % symbols));
            }
            return streams;
        }

        @Override
        public String toString() {
            return String.format(
                    "C=%,d on %s, %d symbols",
                    clients, everySymbol ? "quotes:*" : "one each", symbols);
        }
    }

    record Row(
            Scenario scenario,
            String server,
            Window window,
            long cpuMicros,
            Long dbCpuMicros,
            long loadCpuMicros) {}

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(StreamingBenchmark::stopAll));
        List<Row> rows = new ArrayList<>();
        boolean fresh = true;
        for (String spec :
                System.getProperty("bench.scenarios", "100:50:10000,1000:50:40000,1:50:10000:all")
                        .split(",")) {
            Scenario scenario = Scenario.parse(spec);
            for (String server : SERVERS) {
                rows.add(
                        server.equals("reference")
                                ? reference(scenario)
                                : tickerdesk(scenario, fresh));
                fresh &= !server.equals("tickerdesk");
                System.out.println(table(rows.subList(rows.size() - 1, rows.size())));
            }
        }
        System.out.printf(
                "%nWarm-up %d s, measured %d s, %d stalled clients%n%n%s%n",
                WARM_UP_SECONDS, MEASURE_SECONDS, STALLED, table(rows));
    }

    private static Row reference(Scenario scenario) throws Exception {
        int port = freePort();
        Files.createDirectories(DIR);
        Process process =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx512m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                NettyFanoutReference.class.getName(),
                                Integer.toString(port),
                                Double.toString(scenario.ticksPerSecond()),
                                Integer.toString(scenario.symbols()))
                        .redirectErrorStream(true)
                        .redirectOutput(DIR.resolve("reference.log").toFile())
                        .start();
        AutoCloseable stop = () -> stop(process);
        RUNNING.add(stop);
        try {
            awaitReady(process, DIR.resolve("reference.log"));
            URI uri = URI.create("ws://localhost:" + port + "/ws/market");
            return measure(scenario, "Netty reference", process.pid(), null, uri);
        } finally {
            stop.close();
            RUNNING.remove(stop);
        }
    }

    private static Row tickerdesk(Scenario scenario, boolean fresh) throws Exception {
        TickerdeskProcess server =
                new TickerdeskProcess(
                                "bench-streaming",
                                Map.of(
                                        "TICKERDESK_SIM_TICKS_PER_SECOND",
                                        Double.toString(scenario.ticksPerSecond()),
                                        "TICKERDESK_SIM_SYMBOLS",
                                        Integer.toString(scenario.symbols())))
                        .heap(HEAP);
        if (fresh) {
            server.clean();
        }
        RUNNING.add(server);
        try {
            System.out.println("Starting target/tickerdesk.jar for " + scenario + " ...");
            server.start();
            unwatchAllButSynthetic(server);
            return measure(
                    scenario,
                    "Tickerdesk",
                    server.pid(),
                    server.dataDir().resolve("postgres"),
                    URI.create(server.webSocketUrl()));
        } finally {
            server.stop();
            RUNNING.remove(server);
        }
    }

    /**
     * The default watchlist's instruments tick too, which would spread the source's rate over more
     * symbols than the reference has; off the watchlist, only the synthetic S0000... are left.
     */
    private static void unwatchAllButSynthetic(TickerdeskProcess server) {
        String instruments = server.baseUrl() + "/api/v1/instruments";
        for (JsonValue value : Http.json(Http.getAsAdmin(instruments)).asJsonArray()) {
            JsonObject instrument = value.asJsonObject();
            if (!instrument.getBoolean("watched", false)) {
                continue;
            }
            String symbol = instrument.getString("symbol");
            int status =
                    Http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            instruments
                                                                    + "/"
                                                                    + URLEncoder.encode(
                                                                            symbol,
                                                                            StandardCharsets
                                                                                    .UTF_8)))
                                            .header(
                                                    "Authorization",
                                                    "Bearer " + TickerdeskProcess.API_TOKEN)
                                            .DELETE())
                            .statusCode();
            if (status != 204) {
                throw new IllegalStateException(
                        "Taking " + symbol + " off the watchlist: " + status);
            }
        }
    }

    /** {@code database}: the data folder of the server's PostgreSQL, if it has one. */
    private static Row measure(Scenario scenario, String server, long pid, Path database, URI uri)
            throws InterruptedException {
        System.out.printf(
                "%s, %s: %.0f ticks/s ...%n", scenario, server, scenario.ticksPerSecond());
        try (LoadGenerator load =
                LoadGenerator.connect(uri, scenario.streams(), STALLED, PATIENCE)) {
            TimeUnit.SECONDS.sleep(WARM_UP_SECONDS);
            long self = ProcessHandle.current().pid();
            long cpu = cpuMicros(pid);
            Long dbCpu = database == null ? null : databaseCpuMicros(database);
            long loadCpu = cpuMicros(self);
            load.startWindow();
            TimeUnit.SECONDS.sleep(MEASURE_SECONDS);
            Window window = load.endWindow();
            Long dbCpuAfter = database == null ? null : databaseCpuMicros(database);
            return new Row(
                    scenario,
                    server,
                    window,
                    cpuMicros(pid) - cpu,
                    dbCpu == null || dbCpuAfter == null ? null : dbCpuAfter - dbCpu,
                    cpuMicros(self) - loadCpu);
        }
    }

    /** User and system CPU time of a process so far, from {@code /proc/PID/stat}. */
    static long cpuMicros(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                    * MICROS_PER_CLOCK_TICK;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The CPU time of a PostgreSQL server and its backends. The postmaster runs as a daemon, not as
     * a child of Tickerdesk, so it is found by its data folder; a backend that ends within the
     * window takes its time with it.
     */
    private static Long databaseCpuMicros(Path dataDir) {
        try {
            long postmaster =
                    Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0));
            return cpuMicros(postmaster)
                    + ProcessHandle.of(postmaster).stream()
                            .flatMap(ProcessHandle::descendants)
                            .mapToLong(child -> cpuMicros(child.pid()))
                            .sum();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String table(List<Row> rows) {
        List<String> columns =
                List.of(
                        "Scenario",
                        "Server",
                        "Source ticks/s",
                        "Subscribed",
                        "Offered msg/s",
                        "Delivered msg/s",
                        "p50 ms",
                        "p99 ms",
                        "p99.9 ms",
                        "max ms",
                        "Lost",
                        "Closes, errors (whole run)",
                        "Server CPU µs/msg (cores)",
                        "DB CPU µs/msg",
                        "Load generator cores");
        StringBuilder table =
                new StringBuilder("| " + String.join(" | ", columns) + " |\n")
                        .append("|---|---|")
                        .append("--:|".repeat(9))
                        .append("---|")
                        .append("--:|".repeat(3))
                        .append('\n');
        for (Row row : rows) {
            Window window = row.window();
            Histogram latency = window.messages() == 0 ? null : window.latencyMicros();
            table.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %,.0f | %,d | %,.0f | %,.0f | %s | %s | %s | %s | %,d | %s"
                                    + " | %s (%.2f) | %s | %.2f |%n",
                            row.scenario(),
                            row.server(),
                            row.scenario().ticksPerSecond(),
                            window.subscribed(),
                            row.scenario().delivered()
                                    * window.subscribed()
                                    / row.scenario().clients(),
                            window.messages() / window.seconds(),
                            millis(latency, 50),
                            millis(latency, 99),
                            millis(latency, 99.9),
                            millis(latency, 100),
                            window.lost(),
                            endings(window.endings()),
                            perMessage(row.cpuMicros(), window.messages()),
                            row.cpuMicros() / 1e6 / window.seconds(),
                            perMessage(row.dbCpuMicros(), window.messages()),
                            row.loadCpuMicros() / 1e6 / window.seconds()));
        }
        return table.toString();
    }

    /** A percentile of the latencies in milliseconds; "–" if there were none. */
    private static String millis(Histogram latency, double percentile) {
        if (latency == null) {
            return "–";
        }
        double millis = latency.getValueAtPercentile(percentile) / 1000.0;
        return String.format(
                Locale.ROOT, millis < 10 ? "%.2f" : millis < 1000 ? "%.1f" : "%,.0f", millis);
    }

    private static String perMessage(Long micros, long messages) {
        return micros == null || messages == 0
                ? "–"
                : String.format(Locale.ROOT, "%.1f", (double) micros / messages);
    }

    private static String endings(Map<String, Long> endings) {
        return endings.isEmpty()
                ? "none"
                : endings.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    private static void awaitReady(Process process, Path log) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Files.exists(log) && Files.readString(log).contains("ready")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The reference exited:\n" + Files.readString(log));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("The reference was not ready after 30 s");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void stopAll() {
        for (AutoCloseable running : RUNNING) {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + running + ": " + e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
