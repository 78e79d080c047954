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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

    /** What is running now, so that even an interrupted benchmark stops it on the way out. */
    private static final Set<AutoCloseable> RUNNING = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(StreamingBenchmark::stopAll));
        List<ResultTable.Row> rows = new ArrayList<>();
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
                System.out.println(ResultTable.of(rows.subList(rows.size() - 1, rows.size())));
            }
        }
        System.out.printf(
                "%nWarm-up %d s, measured %d s, %d stalled clients%n%n%s%n",
                WARM_UP_SECONDS, MEASURE_SECONDS, STALLED, ResultTable.of(rows));
    }

    private static ResultTable.Row reference(Scenario scenario) throws Exception {
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

    private static ResultTable.Row tickerdesk(Scenario scenario, boolean fresh) throws Exception {
        TickerdeskProcess server =
                new TickerdeskProcess(
                                "bench-streaming",
                                Map.of(
                                        "TICKERDESK_SIM_TICKS_PER_SECOND",
                                        Double.toString(scenario.ticksPerSecond()),
                                        "TICKERDESK_SIM_SYMBOLS",
                                        Integer.toString(scenario.symbols()),
                                        // every client of the load generator comes from this
                                        // machine's one address
                                        "TICKERDESK_STREAMING_MAX_CONNECTIONS_PER_ADDRESS",
                                        "100000"))
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
    static void unwatchAllButSynthetic(TickerdeskProcess server) {
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
    private static ResultTable.Row measure(
            Scenario scenario, String server, long pid, Path database, URI uri)
            throws InterruptedException {
        System.out.printf(
                "%s, %s: %.0f ticks/s ...%n", scenario, server, scenario.ticksPerSecond());
        try (LoadGenerator load =
                LoadGenerator.connect(uri, scenario.streams(), STALLED, PATIENCE)) {
            TimeUnit.SECONDS.sleep(WARM_UP_SECONDS);
            long self = ProcessHandle.current().pid();
            long cpu = ProcessCpu.micros(pid);
            Long dbCpu = database == null ? null : ProcessCpu.database(database);
            long loadCpu = ProcessCpu.micros(self);
            load.startWindow();
            TimeUnit.SECONDS.sleep(MEASURE_SECONDS);
            Window window = load.endWindow();
            Long dbCpuAfter = database == null ? null : ProcessCpu.database(database);
            return new ResultTable.Row(
                    scenario,
                    server,
                    window,
                    ProcessCpu.micros(pid) - cpu,
                    dbCpu == null || dbCpuAfter == null ? null : dbCpuAfter - dbCpu,
                    ProcessCpu.micros(self) - loadCpu);
        }
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
