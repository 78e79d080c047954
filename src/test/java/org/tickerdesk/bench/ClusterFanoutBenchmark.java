package org.tickerdesk.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.tickerdesk.bench.LoadGenerator.Window;
import org.tickerdesk.it.ClusterOfTwo;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * The WebSocket fan-out of one server beside that of a two-member cluster, in one run ({@code
 * ./mvnw -Pbench-cluster package -DskipTests}, see the README's "Benchmarks"). Scenario A: one
 * standalone server, every client on it. Scenario B: {@link ClusterOfTwo}, the clients alternately
 * on either member, so each member's clients cover every symbol; the leader's simulated market
 * ticks, and the follower's clients get the ticks the leader relays over the data grid. Both at the
 * same tick rate over the same symbols, measured with the same {@link LoadGenerator} as {@link
 * StreamingBenchmark}: messages delivered per second, their latency from the source's {@code ts}
 * (the members share this machine's clock), per member and in all, and the ratio of B to A.
 *
 * <p>A is a standalone server rather than a cluster of one: that is what runs without a cluster,
 * and standalone the relay is not used at all, so B against A is the whole cost of clustering. A
 * cluster of one would publish every tick to a topic that nobody else reads.
 */
public final class ClusterFanoutBenchmark {

    private static final long WARM_UP_SECONDS = Long.getLong("bench.warmUp", 10);
    private static final long MEASURE_SECONDS = Long.getLong("bench.measure", 20);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
    private static final boolean KEEP = Boolean.getBoolean("bench.keep");
    private static final Duration PATIENCE =
            Duration.ofSeconds(Long.getLong("bench.connectSeconds", 120));
    private static final Path DIR =
            Path.of(System.getProperty("tickerdesk.it.dir", "target/bench")).toAbsolutePath();
    private static final String ALONE = "bench-cluster-alone";
    private static final String PAIR = "bench-cluster";

    /** What the follower's log says when its relay queue overflowed and ticks were dropped. */
    private static final String RELAY_DROPPED = "Relayed ticks arrive faster";

    /** What it says when it received a relayed tick but could not take it. */
    private static final String RELAY_FAILED = "A relayed tick of ";

    /** What is running now, so that even an interrupted benchmark stops it on the way out. */
    private static final Set<AutoCloseable> RUNNING = ConcurrentHashMap.newKeySet();

    private ClusterFanoutBenchmark() {}

    /** A server whose clients are measured: its process and the streams its clients take. */
    private record Target(String name, long pid, URI uri, List<String> streams) {}

    /** One round: A's row, B's rows per member and B's in all. */
    private record Round(
            ResultTable.Row alone, List<ResultTable.Row> members, ResultTable.Row both) {}

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(ClusterFanoutBenchmark::stopAll));
        Scenario scenario = Scenario.parse(System.getProperty("bench.scenario", "1000:50:40000"));
        List<Round> rounds = new ArrayList<>();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                ResultTable.Row alone = alone(scenario);
                List<ResultTable.Row> members = pair(scenario);
                Round measured =
                        new Round(alone, members.subList(0, 2), members.get(members.size() - 1));
                rounds.add(measured);
                System.out.printf(
                        "%nRound %d of %d%n%n%s%n%s%n",
                        round,
                        ROUNDS,
                        ResultTable.of(rows(List.of(measured))),
                        comparison(List.of(measured)));
            }
        } finally {
            cleanUp();
        }
        System.out.printf(
                "%nWarm-up %d s, measured %d s, %d round(s); each round A, then B%n%n%s%n%s%n",
                WARM_UP_SECONDS,
                MEASURE_SECONDS,
                ROUNDS,
                ResultTable.of(rows(rounds)),
                comparison(rounds));
    }

    /**
     * Scenario A: every client on one standalone server, which relays nothing. Its first start
     * (initdb, every migration) took over 150 s once while other builds ran beside it.
     */
    private static ResultTable.Row alone(Scenario scenario) throws Exception {
        TickerdeskProcess server =
                new TickerdeskProcess(ALONE, environment(scenario))
                        .patience(Duration.ofSeconds(300))
                        .clean();
        RUNNING.add(server);
        try {
            System.out.println("A: starting one standalone server for " + scenario + " ...");
            server.start();
            StreamingBenchmark.unwatchAllButSynthetic(server);
            Target target =
                    new Target(
                            "A: one server alone",
                            server.pid(),
                            URI.create(server.webSocketUrl()),
                            scenario.streams());
            ResultTable.Row row = measure(scenario, List.of(target)).get(0);
            System.out.println(ResultTable.of(List.of(row)));
            return row;
        } finally {
            server.stop();
            RUNNING.remove(server);
        }
    }

    /**
     * Scenario B: the same clients split between the two members of a cluster, client i on member i
     * % 2; rows for the leader, the follower and both.
     */
    private static List<ResultTable.Row> pair(Scenario scenario) throws Exception {
        System.out.println("B: starting a cluster of two for " + scenario + " ...");
        ClusterOfTwo cluster = new ClusterOfTwo(PAIR, environment(scenario));
        RUNNING.add(cluster);
        try {
            TickerdeskProcess leader = awaitLeader(cluster);
            TickerdeskProcess follower =
                    cluster.members().stream().filter(m -> m != leader).findFirst().orElseThrow();
            // the leader alone runs the source, so its watchlist is the one that ticks
            StreamingBenchmark.unwatchAllButSynthetic(leader);
            long followerLogAtStart = size(follower.serverLog());
            List<String> streams = scenario.streams();
            List<Target> targets = new ArrayList<>();
            for (TickerdeskProcess member : List.of(leader, follower)) {
                int index = cluster.members().indexOf(member);
                List<String> own = new ArrayList<>();
                for (int i = index; i < streams.size(); i += 2) {
                    own.add(streams.get(i));
                }
                targets.add(
                        new Target(
                                String.format(
                                        "B: %s, member %c",
                                        member == leader ? "leader" : "follower", 'a' + index),
                                member.pid(),
                                URI.create(member.webSocketUrl()),
                                own));
            }
            List<ResultTable.Row> rows = measure(scenario, targets);
            System.out.println(ResultTable.of(rows));
            if (!leading(leader) || leading(follower)) {
                System.out.println(
                        "WARNING: leadership moved during the run; B's rows are not comparable");
            }
            if (says(follower.serverLog(), followerLogAtStart, RELAY_DROPPED)) {
                System.out.println(
                        "WARNING: the follower dropped relayed ticks (its relay queue overflowed)");
            }
            if (says(follower.serverLog(), followerLogAtStart, RELAY_FAILED)) {
                System.out.println(
                        "WARNING: the follower failed to take relayed ticks; see "
                                + follower.serverLog());
            }
            if (rows.get(1).window().messages() == 0) {
                System.out.println("WARNING: the follower's clients received no quote at all");
            }
            return rows;
        } finally {
            cluster.close();
            RUNNING.remove(cluster);
        }
    }

    private static Map<String, String> environment(Scenario scenario) {
        return Map.of(
                "TICKERDESK_SIM_TICKS_PER_SECOND",
                Double.toString(scenario.ticksPerSecond()),
                "TICKERDESK_SIM_SYMBOLS",
                Integer.toString(scenario.symbols()),
                // every client of the load generator comes from this machine's one address
                "TICKERDESK_STREAMING_MAX_CONNECTIONS_PER_ADDRESS",
                "100000");
    }

    /**
     * Connects every target's clients on the same two event-loop threads (in A as in B, so the load
     * generator costs the same), warms up, then measures all targets in one window. A row per
     * target, and with more than one target a row of them all together.
     */
    private static List<ResultTable.Row> measure(Scenario scenario, List<Target> targets)
            throws InterruptedException {
        System.out.printf("%s: %.0f ticks/s ...%n", scenario, scenario.ticksPerSecond());
        EventLoopGroup group = new NioEventLoopGroup(2);
        List<LoadGenerator> loads = new ArrayList<>();
        try {
            for (Target target : targets) {
                loads.add(
                        LoadGenerator.connect(group, target.uri(), target.streams(), 0, PATIENCE));
            }
            TimeUnit.SECONDS.sleep(WARM_UP_SECONDS);
            long self = ProcessHandle.current().pid();
            long[] cpu = new long[targets.size()];
            for (int i = 0; i < targets.size(); i++) {
                cpu[i] = ProcessCpu.micros(targets.get(i).pid());
            }
            long loadCpu = ProcessCpu.micros(self);
            loads.forEach(LoadGenerator::startWindow);
            TimeUnit.SECONDS.sleep(MEASURE_SECONDS);
            List<Window> windows = new ArrayList<>();
            for (LoadGenerator load : loads) {
                windows.add(load.endWindow());
            }
            long loadCpuUsed = ProcessCpu.micros(self) - loadCpu;
            List<ResultTable.Row> rows = new ArrayList<>();
            long cpuInAll = 0;
            for (int i = 0; i < targets.size(); i++) {
                long used = ProcessCpu.micros(targets.get(i).pid()) - cpu[i];
                cpuInAll += used;
                rows.add(
                        new ResultTable.Row(
                                scenario,
                                targets.get(i).name(),
                                windows.get(i),
                                used,
                                null,
                                loadCpuUsed));
            }
            if (targets.size() > 1) {
                rows.add(
                        new ResultTable.Row(
                                scenario,
                                "B: both members",
                                together(windows),
                                cpuInAll,
                                null,
                                loadCpuUsed));
            }
            return rows;
        } finally {
            loads.forEach(LoadGenerator::close);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Windows of the same moments on different servers, as one: counts and latencies added. */
    private static Window together(List<Window> windows) {
        Histogram latency = null;
        Map<String, Long> endings = new TreeMap<>();
        int subscribed = 0;
        double seconds = 0;
        long messages = 0;
        long lost = 0;
        for (Window window : windows) {
            subscribed += window.subscribed();
            seconds += window.seconds() / windows.size();
            messages += window.messages();
            lost += window.lost();
            if (latency == null) {
                latency = window.latencyMicros().copy();
            } else {
                latency.add(window.latencyMicros());
            }
            window.endings().forEach((what, count) -> endings.merge(what, count, Long::sum));
        }
        return new Window(subscribed, seconds, messages, lost, latency, endings);
    }

    private static List<ResultTable.Row> rows(List<Round> rounds) {
        List<ResultTable.Row> rows = new ArrayList<>();
        for (Round round : rounds) {
            rows.add(round.alone());
            rows.addAll(round.members());
            rows.add(round.both());
        }
        return rows;
    }

    /** B against A, round by round: delivered rate, latency and CPU per message. */
    private static String comparison(List<Round> rounds) {
        StringBuilder table =
                new StringBuilder(
                        "| Round | A delivered msg/s | B delivered msg/s (leader + follower) | B /"
                            + " A | A p50 / p99 ms | B p50 / p99 ms (leader; follower) | B / A p50"
                            + " | B / A p99 | Server CPU µs/msg A; B | B / A CPU |\n"
                            + "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            ResultTable.Row a = round.alone();
            ResultTable.Row b = round.both();
            ResultTable.Row leader = round.members().get(0);
            ResultTable.Row follower = round.members().get(1);
            table.append(
                    String.format(
                            Locale.ROOT,
                            "| %d | %,.0f | %,.0f (%,.0f + %,.0f) | %s | %s / %s | %s / %s (%s /"
                                    + " %s; %s / %s) | %s | %s | %s; %s | %s |%n",
                            i + 1,
                            rate(a),
                            rate(b),
                            rate(leader),
                            rate(follower),
                            figure(rate(b) / rate(a)),
                            figure(millis(a, 50)),
                            figure(millis(a, 99)),
                            figure(millis(b, 50)),
                            figure(millis(b, 99)),
                            figure(millis(leader, 50)),
                            figure(millis(leader, 99)),
                            figure(millis(follower, 50)),
                            figure(millis(follower, 99)),
                            figure(millis(b, 50) / millis(a, 50)),
                            figure(millis(b, 99) / millis(a, 99)),
                            figure(cpuPerMessage(a)),
                            figure(cpuPerMessage(b)),
                            figure(cpuPerMessage(b) / cpuPerMessage(a))));
        }
        return table.toString();
    }

    /** Two decimals, or "–" where there was nothing to measure. */
    private static String figure(double value) {
        return Double.isNaN(value) || Double.isInfinite(value)
                ? "–"
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static double rate(ResultTable.Row row) {
        return row.window().messages() / row.window().seconds();
    }

    private static double millis(ResultTable.Row row, double percentile) {
        Window window = row.window();
        return window.messages() == 0
                ? Double.NaN
                : window.latencyMicros().getValueAtPercentile(percentile) / 1000.0;
    }

    private static double cpuPerMessage(ResultTable.Row row) {
        return row.window().messages() == 0
                ? Double.NaN
                : (double) row.cpuMicros() / row.window().messages();
    }

    private static TickerdeskProcess awaitLeader(ClusterOfTwo cluster) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<TickerdeskProcess> leaders =
                    cluster.members().stream().filter(ClusterFanoutBenchmark::leading).toList();
            if (leaders.size() == 1) {
                return leaders.get(0);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("No single member of the cluster led after 60 s");
    }

    private static boolean leading(TickerdeskProcess member) {
        var answer = Http.getAsAdmin(member.baseUrl() + "/api/v1/cluster");
        return answer.statusCode() == 200
                && ((JsonObject) Http.json(answer)).getBoolean("leading", false);
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** Whether a line written to the log after its first {@code from} bytes holds the text. */
    private static boolean says(Path log, long from, String text) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(from, Files.size(log)));
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .anyMatch(line -> line.contains(text));
        }
    }

    private static void cleanUp() {
        if (!KEEP) {
            clean(ALONE);
            clean(PAIR + "-a");
            clean(PAIR + "-b");
        }
    }

    /** A server's data folder and console log, left under the build's folder by each start. */
    private static void clean(String name) {
        TickerdeskProcess.deleteRecursively(DIR.resolve(name));
        try {
            Files.deleteIfExists(DIR.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        cleanUp();
    }
}
