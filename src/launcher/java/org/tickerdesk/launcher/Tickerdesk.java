package org.tickerdesk.launcher;

import fish.payara.micro.boot.PayaraMicroBoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * {@code java -jar target/tickerdesk.jar}: database, server, application, in that order, and the
 * reverse on shutdown. Anything the user can fix ends the start with one line on stderr and exit
 * code 1.
 */
public final class Tickerdesk {

    /**
     * Set by the application on its very first start (SecurityBootstrap, which cannot share this
     * constant: the launcher is not in the WAR); printed here, never logged.
     */
    static final String GENERATED_PASSWORD_PROPERTY = "tickerdesk.generated-admin-password";

    private EmbeddedDatabase embedded;
    private PayaraMicroBoot server;
    private ServerLog log;

    public static void main(String[] args) {
        long started = System.nanoTime();
        Tickerdesk tickerdesk = new Tickerdesk();
        try {
            tickerdesk.start(LauncherSettings.fromEnvironment(), started);
        } catch (StartupException failure) {
            System.err.println("Tickerdesk cannot start: " + failure.getMessage());
            tickerdesk.stop();
            System.exit(1);
        }
    }

    void start(LauncherSettings settings, long startedNanos) {
        Properties build = buildProperties();
        System.setProperty("tickerdesk.launcher", "true");
        requirePortFree(settings.httpHost(), settings.httpPort());
        log = new ServerLog(settings.dataDir());
        log.open();
        DatabaseCoordinates database =
                settings.externalDatabase()
                        .map(db -> new DatabaseCoordinates(db.url(), db.user(), db.password()))
                        .orElseGet(
                                () ->
                                        startEmbedded(
                                                settings,
                                                Integer.parseInt(
                                                        build.getProperty("postgres.major"))));
        database.requireReachable();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "tickerdesk-shutdown"));

        ServerBoot boot = new ServerBoot(settings, log);
        server = boot.boot(database);
        boot.forgetSecrets();
        if (server.getRuntime().getDeployedApplicationNames().isEmpty()) {
            throw new StartupException(
                    "The Tickerdesk application failed to deploy; " + log.file() + " says why.");
        }
        List<String> waiting =
                new ReadinessProbe(settings.localHost(), settings.httpPort(), log.file())
                        .awaitReady(Duration.ofSeconds(90));
        announce(settings, database, log, startedNanos, waiting);
    }

    private DatabaseCoordinates startEmbedded(LauncherSettings settings, int major) {
        embedded =
                EmbeddedDatabase.start(
                        new PostgresDataDirectory(settings.dataDir().resolve("postgres")), major);
        return new DatabaseCoordinates(embedded.jdbcUrl(), embedded.user(), embedded.password());
    }

    private static void announce(
            LauncherSettings settings,
            DatabaseCoordinates database,
            ServerLog log,
            long startedNanos,
            List<String> waiting) {
        long millis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        String base = "http://" + settings.localHost() + ":" + settings.httpPort();
        StringBuilder banner =
                new StringBuilder()
                        .append("\nTickerdesk is ready in ")
                        .append(millis / 1000.0)
                        .append(" s\n")
                        .append("  URL:        ")
                        .append(base)
                        .append("/  (listening on ")
                        .append(listening(settings))
                        .append(")\n")
                        .append("  Admin:      ")
                        .append(base)
                        .append("/admin/  user 'admin'\n");
        String generated = System.getProperty(GENERATED_PASSWORD_PROPERTY);
        if (generated != null) {
            System.clearProperty(GENERATED_PASSWORD_PROPERTY);
            banner.append("  Password:   ")
                    .append(generated)
                    .append(
                            "   (generated on this first start; shown only now, change it after"
                                    + " logging in)\n");
        }
        if (settings.cluster()) {
            banner.append("  Cluster:    ")
                    .append(
                            settings.clusterMembers().stream()
                                    .map(LauncherSettings.ClusterMember::toString)
                                    .collect(Collectors.joining(", ")))
                    .append(
                            settings.clusterOnLoopback()
                                    ? "  (data grid on loopback only)\n"
                                    : "  (data grid on every interface)\n");
        }
        banner.append("  Database:   ")
                .append(database.url())
                .append('\n')
                .append("  Data:       ")
                .append(settings.dataDir())
                .append('\n')
                .append("  Log:        ")
                .append(log.file())
                .append('\n');
        if (!waiting.isEmpty()) {
            banner.append("  Waiting:    ")
                    .append(String.join(", ", waiting))
                    .append(
                            " (not ready yet; /health/ready and the dashboard say why, and it keeps"
                                    + " trying)\n");
        }
        System.out.println(banner);
    }

    synchronized void stop() {
        if (server != null) {
            log.captureConsole();
            try {
                server.shutdown();
            } catch (Exception alreadyStopped) {
                // Payara's own shutdown hook got there first
            }
            server = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    private static String listening(LauncherSettings settings) {
        String host = settings.httpHost();
        String address = host.contains(":") ? "[" + host + "]" : host;
        return switch (host) {
            case "127.0.0.1", "::1" -> address + ", this machine only";
            case "0.0.0.0", "::" -> "every interface";
            default -> address;
        };
    }

    private static void requirePortFree(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
        } catch (BindException e) {
            if (isAddressOfThisMachine(address)) {
                throw new StartupException(
                        "Port "
                                + port
                                + " is already in use; stop what uses it or set"
                                + " TICKERDESK_HTTP_PORT.");
            }
            throw new StartupException(
                    "TICKERDESK_HTTP_HOST " + host + " is not an address of this machine");
        } catch (IOException e) {
            throw new StartupException(
                    "Cannot listen on " + host + " port " + port + ": " + e.getMessage());
        }
    }

    private static boolean isAddressOfThisMachine(InetSocketAddress address) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address.getAddress(), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in =
                Tickerdesk.class.getResourceAsStream("/launcher/launcher.properties")) {
            if (in == null) {
                throw new StartupException(
                        "This jar carries no launcher/launcher.properties; build it with ./mvnw"
                                + " package");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
