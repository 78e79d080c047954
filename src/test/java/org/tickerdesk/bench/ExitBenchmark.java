package org.tickerdesk.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The exit engine under load ({@code ./mvnw -Pbench-exits package -DskipTests}, see the README's
 * "Benchmarks"): the real jar with the simulated market ticking {@code bench.symbols} synthetic
 * stocks at {@code bench.ticks} a second, three starts on one data folder.
 *
 * <ol>
 *   <li>No positions: the reference, the server's CPU per tick without the engine's work.
 *   <li>{@code bench.positions} open positions whose levels are far away, so none fires: the CPU
 *       per tick of guarding them, as a ratio to the reference's.
 *   <li>The same number, {@code bench.firing} of them with levels close enough that the random walk
 *       reaches them as a steady trickle: each exit's time from the engine seeing the tick to the
 *       order desk having stored the order and handed it to the (paper) broker, as the engine
 *       records it in {@code position_exits.tick_to_order_us}.
 * </ol>
 *
 * The positions are written into the embedded PostgreSQL while the server before runs, and loaded
 * by the next start, as a restarted server loads what it guards.
 */
public final class ExitBenchmark {

    private static final int POSITIONS = Integer.getInteger("bench.positions", 100_000);
    private static final int SYMBOLS = Integer.getInteger("bench.symbols", 1_000);
    private static final double TICKS =
            Double.parseDouble(System.getProperty("bench.ticks", "5000"));
    private static final int FIRING = Integer.getInteger("bench.firing", 10_000);
    private static final long WARM_UP = Long.getLong("bench.warmUp", 30);
    private static final long MEASURE = Long.getLong("bench.measure", 30);
    private static final long FIRING_MEASURE = Long.getLong("bench.firingMeasure", 90);

    /**
     * The start of the firing window left out of the second latency table: exits come about 20 a
     * second, so the code on their way is compiled well after the code every tick runs, and the
     * first minute of exits after a start measures the compiler as much as the exit.
     */
    private static final Duration SETTLING = Duration.ofSeconds(60);

    /** How often the firing start's JIT compilers are asked how long they have worked. */
    private static final Duration JIT_SLICE = Duration.ofSeconds(15);

    /** A start that loads 100,000 positions on a busy 2-core machine took more than 150 s. */
    private static final long STARTUP_SECONDS = Long.getLong("bench.startupSeconds", 400);

    private static final String HEAP = System.getProperty("bench.heap", "2g");
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");
    private static final boolean KEEP = Boolean.getBoolean("bench.keep");

    /** Options for every start of the server, such as another garbage collector. */
    private static final String JVM = System.getProperty("bench.jvm", "");

    private static final long SEED = 42;
    private static final Pattern GC_PAUSE = Pattern.compile("Pause .* ([0-9.]+)ms$");

    private static final Path DIR =
            Path.of(System.getProperty("tickerdesk.it.dir", "target/bench")).toAbsolutePath();

    /** The garbage collector's log of the start with positions that fire. */
    private static final Path GC_LOG = DIR.resolve("exits-gc.log");

    private static final Pattern TICKS_TOTAL =
            Pattern.compile("(?m)^\\S*tickerdesk_ticks_total\\S*\\s+(\\S+)\\s*$");
    private static final Pattern GUARDED = Pattern.compile("(\\d+) open positions are guarded");

    /** One start's measured window. */
    record Window(
            String name,
            int guarded,
            double seconds,
            long ticks,
            long cpuMicros,
            Long dbCpuMicros,
            long exits) {

        double ticksPerSecond() {
            return ticks / seconds;
        }

        double cpuPerTick() {
            return (double) cpuMicros / ticks;
        }

        Double dbCpuPerTick() {
            return dbCpuMicros == null ? null : (double) dbCpuMicros / ticks;
        }
    }

    private static volatile TickerdeskProcess running;

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitBenchmark::stopRunning));
        TickerdeskProcess server = server(List.of()).clean();
        PositionSeed seed = new PositionSeed(POSITIONS, SYMBOLS, TICKS, SEED);
        List<Window> windows = new ArrayList<>();
        ExitLatency latency;
        ExitLatency settled;
        String jit;
        try {
            start(server, "the reference, no positions");
            StreamingBenchmark.unwatchAllButSynthetic(server);
            windows.add(measure(server, "No positions (reference)", WARM_UP, MEASURE));
            try (Connection db = database(server)) {
                seed.write(db, 0);
            }
            server.stop();

            start(server, POSITIONS + " positions, none firing");
            windows.add(measure(server, "Positions far from their levels", WARM_UP, MEASURE));
            int tight;
            try (Connection db = database(server)) {
                tight = seed.write(db, FIRING);
            }
            server.stop();

            List<String> recording = new ArrayList<>();
            recording.add("-Xlog:gc:file=" + GC_LOG);
            if (JFR) {
                recording.add(
                        "-XX:StartFlightRecording=settings=profile,filename="
                                + DIR.resolve("exits.jfr"));
            }
            TickerdeskProcess firing = server(recording);
            start(firing, POSITIONS + " positions, " + tight + " of them close to their levels");
            Instant from = Instant.now().plusSeconds(WARM_UP);
            Window window;
            try (JitTrace trace = JitTrace.every(firing.pid(), JIT_SLICE)) {
                window = measure(firing, tight + " close to their levels", WARM_UP, FIRING_MEASURE);
                jit = trace.toString();
            }
            windows.add(window);
            Instant to = from.plusMillis((long) (window.seconds() * 1000));
            try (Connection db = database(firing)) {
                latency = ExitLatency.read(db, from, to);
                settled = ExitLatency.read(db, from.plus(SETTLING), to);
            }
            firing.stop();
        } finally {
            stopRunning();
            if (!KEEP) {
                TickerdeskProcess.deleteRecursively(server.dataDir());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n%,d positions over %,d synthetic stocks at %,.0f ticks/s; warm-up %d s,"
                        + " measured %d s (firing: %d s)%n%n%s%n%s%n"
                        + "The same window without its first %d s (the server's code for exits"
                        + " is still being compiled then):%n%n%s%n",
                POSITIONS,
                SYMBOLS,
                TICKS,
                WARM_UP,
                MEASURE,
                FIRING_MEASURE,
                cpuTable(windows),
                latency.table(),
                SETTLING.toSeconds(),
                settled.table());
        System.out.println(gcPauses());
        System.out.println(jit);
    }

    /**
     * The collector's stop-the-world pauses over the whole start with firing positions: a pause
     * holds back every exit that fires during it.
     */
    private static String gcPauses() throws Exception {
        if (!Files.isRegularFile(GC_LOG)) {
            return "No garbage collector log.";
        }
        List<Double> pauses = new ArrayList<>();
        for (String line : Files.readAllLines(GC_LOG)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                pauses.add(Double.parseDouble(pause.group(1)));
            }
        }
        double total = pauses.stream().mapToDouble(Double::doubleValue).sum();
        double longest = pauses.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(
                Locale.ROOT,
                "Garbage collector pauses logged in the firing start: %,d, longest %.1f ms,"
                        + " %.1f ms in all",
                pauses.size(),
                longest,
                total);
    }

    private static TickerdeskProcess server(List<String> jvmOptions) {
        return new TickerdeskProcess(
                        "bench-exits",
                        Map.of(
                                "TICKERDESK_SIM_TICKS_PER_SECOND",
                                Double.toString(TICKS),
                                "TICKERDESK_SIM_SYMBOLS",
                                Integer.toString(SYMBOLS),
                                "TICKERDESK_SIM_SEED",
                                Long.toString(SEED)))
                .heap(HEAP)
                .patience(Duration.ofSeconds(STARTUP_SECONDS))
                .jvmOptions(
                        Stream.concat(
                                        Arrays.stream(JVM.split(" ")).filter(o -> !o.isBlank()),
                                        jvmOptions.stream())
                                .toList());
    }

    private static void start(TickerdeskProcess server, String what) {
        System.out.println("Starting target/tickerdesk.jar: " + what + " ...");
        running = server;
        server.start();
        System.out.println("  ready, " + guarded(server) + " positions guarded");
    }

    private static Window measure(TickerdeskProcess server, String name, long warmUp, long seconds)
            throws Exception {
        TimeUnit.SECONDS.sleep(warmUp);
        Path postgres = server.dataDir().resolve("postgres");
        long exits = exits(server);
        long ticks = ticks(server);
        long cpu = ProcessCpu.micros(server.pid());
        Long dbCpu = ProcessCpu.database(postgres);
        long started = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long ticksAfter = ticks(server);
        long cpuAfter = ProcessCpu.micros(server.pid());
        Long dbCpuAfter = ProcessCpu.database(postgres);
        double elapsed = (System.nanoTime() - started) / 1e9;
        Window window =
                new Window(
                        name,
                        guarded(server),
                        elapsed,
                        ticksAfter - ticks,
                        cpuAfter - cpu,
                        dbCpu == null || dbCpuAfter == null ? null : dbCpuAfter - dbCpu,
                        exits(server) - exits);
        System.out.printf(
                Locale.ROOT,
                "  %,.0f ticks/s, server %.1f µs/tick, PostgreSQL %.1f µs/tick, %,d exits%n",
                window.ticksPerSecond(),
                window.cpuPerTick(),
                window.dbCpuPerTick() == null ? Double.NaN : window.dbCpuPerTick(),
                window.exits());
        return window;
    }

    /** The ticks the server received since it started, from its {@code /metrics}. */
    private static long ticks(TickerdeskProcess server) {
        HttpResponse<String> metrics = Http.getAsAdmin(server.baseUrl() + "/metrics");
        Matcher total = TICKS_TOTAL.matcher(metrics.body());
        if (metrics.statusCode() != 200 || !total.find()) {
            throw new IllegalStateException("No tick counter at /metrics: " + metrics.statusCode());
        }
        return (long) Double.parseDouble(total.group(1));
    }

    private static long exits(TickerdeskProcess server) throws Exception {
        try (Connection db = database(server);
                var rows =
                        db.createStatement().executeQuery("SELECT count(*) FROM position_exits")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What the engine said it guards at the start, from the server's log. */
    private static int guarded(TickerdeskProcess server) {
        try {
            Matcher line = GUARDED.matcher(Files.readString(server.serverLog()));
            int guarded = -1;
            while (line.find()) {
                guarded = Integer.parseInt(line.group(1));
            }
            return guarded;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static Connection database(TickerdeskProcess server) throws Exception {
        return DriverManager.getConnection(
                server.databaseUrl(), TickerdeskProcess.DATABASE_USER, "");
    }

    static String cpuTable(List<Window> windows) {
        StringBuilder table =
                new StringBuilder(
                        "| Run | Guarded | Ticks/s | Server CPU µs/tick (cores) | DB CPU µs/tick"
                                + " | × reference (server) | Exits in window |\n"
                                + "|---|--:|--:|--:|--:|--:|--:|\n");
        Window reference = windows.get(0);
        for (Window window : windows) {
            table.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %,d | %,.0f | %.1f (%.2f) | %s | %.2f | %,d |%n",
                            window.name(),
                            window.guarded(),
                            window.ticksPerSecond(),
                            window.cpuPerTick(),
                            window.cpuMicros() / 1e6 / window.seconds(),
                            window.dbCpuPerTick() == null
                                    ? "–"
                                    : String.format(Locale.ROOT, "%.1f", window.dbCpuPerTick()),
                            window.cpuPerTick() / reference.cpuPerTick(),
                            window.exits()));
        }
        return table.toString();
    }

    /** The server running now and its PostgreSQL, by process id, even on an interrupted run. */
    private static void stopRunning() {
        TickerdeskProcess server = running;
        if (server == null) {
            return;
        }
        server.stop();
        ProcessCpu.postmaster(server.dataDir().resolve("postgres"))
                .flatMap(ProcessHandle::of)
                .ifPresent(
                        postmaster -> {
                            System.err.println(
                                    "PostgreSQL "
                                            + postmaster.pid()
                                            + " outlived the server: stopping it");
                            postmaster.destroy();
                        });
    }
}
