package org.tickerdesk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real thing under test: {@code java -jar target/tickerdesk.jar} in its own process, with its
 * own port and data folder under {@code target/it}, its output kept in a log file beside them.
 */
public final class TickerdeskProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-admin-password";
    public static final String API_TOKEN = "it-bootstrap-token-0123456789";

    /** The embedded PostgreSQL's superuser; it trusts connections from this machine. */
    public static final String DATABASE_USER = "postgres";

    private volatile Instant startedAt;

    private static final Pattern DATABASE_LINE =
            Pattern.compile("(?m)^\\s*Database:\\s+(jdbc:postgresql://\\S+)\\s*$");

    private final Path dataDir;
    private final Path log;
    private int port;
    private final Map<String, String> environment;
    private String heap = "1g";
    private final List<String> jvmOptions = new ArrayList<>();
    private Duration patience = Duration.ofSeconds(150);
    private Process process;

    public TickerdeskProcess(String name, Map<String, String> extraEnvironment) {
        Path base = Path.of(System.getProperty("tickerdesk.it.dir", "target/it")).toAbsolutePath();
        this.dataDir = base.resolve(name);
        this.log = base.resolve(name + ".log");
        this.port = freePort();
        this.environment =
                new HashMap<>(
                        Map.of(
                                "TICKERDESK_HTTP_PORT",
                                Integer.toString(port),
                                "TICKERDESK_DATA_DIR",
                                dataDir.toString(),
                                "TICKERDESK_ADMIN_PASSWORD",
                                ADMIN_PASSWORD,
                                "TICKERDESK_API_TOKEN",
                                API_TOKEN,
                                "TICKERDESK_SIM_TICKS_PER_SECOND",
                                "400"));
        this.environment.putAll(extraEnvironment);
    }

    /** A fresh data folder and console log: the first start of a new installation. */
    public TickerdeskProcess clean() {
        deleteRecursively(dataDir);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The server's largest heap ({@code -Xmx}), 1g unless a test needs more. */
    public TickerdeskProcess heap(String size) {
        this.heap = size;
        return this;
    }

    /** More options for the server's JVM, such as a flight recording. */
    public TickerdeskProcess jvmOptions(List<String> options) {
        this.jvmOptions.addAll(options);
        return this;
    }

    /**
     * How long {@link #start()} waits for the banner, 150 s unless a benchmark's start has more to
     * load.
     */
    public TickerdeskProcess patience(Duration patience) {
        this.patience = patience;
        return this;
    }

    /** When this process was last asked to start: nothing it computed live is older. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Starts and waits for the launcher's "ready" banner; fails with the log's tail otherwise. */
    public TickerdeskProcess start() {
        startedAt = Instant.now();
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce();
            } catch (PortTakenException e) {
                if (attempt == 3) {
                    throw e;
                }
                // another process took the free port between choosing it and the server's bind
                port = freePort();
                environment.put("TICKERDESK_HTTP_PORT", Integer.toString(port));
            }
        }
    }

    /** The server could not bind its HTTP port. */
    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    private TickerdeskProcess startOnce() {
        int earlierOutput = output().length();
        process = launch();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            String output = output().substring(earlierOutput);
            if (output.contains("Tickerdesk is ready")) {
                return this;
            }
            if (!process.isAlive()) {
                String message =
                        "Tickerdesk exited with "
                                + process.exitValue()
                                + ":\n"
                                + tail(output)
                                + serverLogTail();
                throw portTaken()
                        ? new PortTakenException(message)
                        : new IllegalStateException(message);
            }
            sleep(250);
        }
        throw new IllegalStateException(
                "Tickerdesk was not ready after "
                        + patience.toSeconds()
                        + " s:\n"
                        + tail(output())
                        + serverLogTail()
                        + ownThreads());
    }

    /**
     * A start that hangs is stuck in one of Tickerdesk's own threads: the whole dump is kept beside
     * the server's log, and the threads running Tickerdesk's code are quoted.
     */
    private String ownThreads() {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process dump =
                    new ProcessBuilder(
                                    jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                            .redirectErrorStream(true)
                            .start();
            String threads =
                    new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            Path kept = serverLog().resolveSibling("threads-at-timeout.txt");
            Files.writeString(kept, threads);
            StringBuilder own =
                    new StringBuilder(
                            "\n--- threads in Tickerdesk's code (all in " + kept + ") ---\n");
            for (String thread : threads.split("\n\n")) {
                if (thread.contains("org.tickerdesk.")) {
                    own.append(thread.length() > 4000 ? thread.substring(0, 4000) : thread)
                            .append("\n\n");
                }
            }
            return own.toString();
        } catch (IOException e) {
            return "\n(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "\n(no thread dump: interrupted)";
        }
    }

    /** Runs to its end, for starts that must fail: returns the exit code. */
    public int runToExit(Duration patience) {
        process = launch();
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "Tickerdesk still ran after "
                                + patience
                                + ":\n"
                                + tail(output())
                                + serverLogTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    private Process launch() {
        try {
            Files.createDirectories(log.getParent());
            List<String> command =
                    new ArrayList<>(
                            List.of(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-Xmx" + heap));
            command.addAll(temporaryFiles());
            command.addAll(testRunOptions());
            command.addAll(jvmOptions);
            command.addAll(
                    List.of("-jar", System.getProperty("tickerdesk.jar", "target/tickerdesk.jar")));
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The options the test run gives every server it starts ({@code tickerdesk.it.jvm}, split at
     * spaces). The integration tests start over thirty servers; a start took 36 to 48 s of CPU with
     * the optimising compiler and 19 to 28 s without it, since a test runs its code only briefly.
     * The benchmarks leave the property unset and run the JVM as an operator would.
     */
    private static List<String> testRunOptions() {
        String options = System.getProperty("tickerdesk.it.jvm", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /**
     * The server's temporary files go in its data folder, which the test deletes: the embedded
     * PostgreSQL library writes a script there at every start and deletes it only when the JVM ends
     * in order, so a killed server left one behind in the machine's temporary folder. PostgreSQL's
     * unpacked binaries stay where all servers share them.
     */
    private List<String> temporaryFiles() throws IOException {
        Path temporary = Files.createDirectories(dataDir.resolve("tmp"));
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        return List.of("-Djava.io.tmpdir=" + temporary, "-Dot.epg.working-dir=" + shared);
    }

    /** SIGTERM, as Ctrl-C or a service manager would; waits for the orderly shutdown. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGKILL: no shutdown hook runs, PostgreSQL is left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * A killed server leaves its PostgreSQL running; the restarted one stops it, but a test that
     * failed before the restart must not leave it behind. Only a postgres of this data folder is
     * stopped, never a process that merely got its old id.
     */
    public void stopOrphanedDatabase() throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        List<Path> pidFiles;
        try (Stream<Path> files = Files.walk(dataDir, 3)) {
            pidFiles = files.filter(f -> f.endsWith("postmaster.pid")).toList();
        }
        for (Path pidFile : pidFiles) {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(
                            p ->
                                    p.info()
                                            .commandLine()
                                            .orElse("")
                                            .contains(pidFile.getParent().toString()))
                    .ifPresent(
                            postmaster -> {
                                postmaster.destroy();
                                postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                            });
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * The JDBC URL of the database the running server uses, as its "ready" banner names it; with
     * {@link #DATABASE_USER} a test reaches the embedded PostgreSQL directly.
     */
    public String databaseUrl() {
        Matcher line = DATABASE_LINE.matcher(output());
        String url = null;
        while (line.find()) {
            url = line.group(1);
        }
        if (url == null) {
            throw new IllegalStateException("The banner names no database:\n" + tail(output()));
        }
        return url;
    }

    public String webSocketUrl() {
        return "ws://localhost:" + port + "/ws/market";
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's own log, where Payara Micro and PostgreSQL write rather than the console. */
    public Path serverLog() {
        return dataDir.resolve("logs").resolve("server.log");
    }

    /** Whether the launcher's process was started and has not ended. */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The process id of the running launcher, which is also the server's JVM. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    private boolean portTaken() {
        try {
            Path serverLog = serverLog();
            return Files.exists(serverLog)
                    && Files.readString(serverLog)
                            .contains("BindException: Address already in use");
        } catch (IOException e) {
            return false;
        }
    }

    private String serverLogTail() {
        try {
            Path serverLog = serverLog();
            return Files.exists(serverLog)
                    ? "\n--- tail of " + serverLog + " ---\n" + tail(Files.readString(serverLog))
                    : "";
        } catch (IOException e) {
            return "\n(" + serverLog() + " unreadable: " + e + ")";
        }
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String output) {
        return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
