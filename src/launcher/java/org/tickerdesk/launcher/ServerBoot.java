package org.tickerdesk.launcher;

import fish.payara.micro.boot.PayaraMicroBoot;
import fish.payara.micro.boot.PayaraMicroLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Boots Payara Micro in this JVM with the WAR and the post-boot commands carried inside the jar.
 * Its working folder ({@code --rootdir}) lives under the data folder and is laid anew at every
 * start, so no start leaves a runtime folder behind in the system's temp folder.
 */
public final class ServerBoot {

    private static final String RESOURCES = "/launcher/";

    /** The data grid's cluster name: members of another cluster name are refused. */
    static final String CLUSTER_NAME = "tickerdesk";

    /**
     * The JSON-P provider Payara carries (Parsson), named unless the JVM was given another.
     * Unnamed, every {@code Json.create…} call, Payara's own among them (each {@code /health}
     * request), searches every jar of the application with a {@code ServiceLoader} for a provider:
     * 11 % of the server's CPU samples in a flight recording of the toggle benchmark, on the
     * request threads.
     */
    static final Map<String, String> JSON_PROVIDER =
            Map.of("jakarta.json.provider", "org.eclipse.parsson.JsonProviderImpl");

    private final LauncherSettings settings;
    private final ServerLog log;
    private final Path runtimeDir;

    public ServerBoot(LauncherSettings settings, ServerLog log) {
        this.settings = settings;
        this.log = log;
        this.runtimeDir = settings.dataDir().resolve("runtime");
    }

    public PayaraMicroBoot boot(DatabaseCoordinates database) {
        try {
            deleteRecursively(runtimeDir);
            Files.createDirectories(runtimeDir);
            Path war = copyResource("tickerdesk.war", runtimeDir.resolve("tickerdesk.war"));
            Path commands = runtimeDir.resolve("post-boot-commands.asadmin");
            Files.writeString(commands, postBootCommands(database), StandardCharsets.UTF_8);
            commands.toFile().setReadable(false, false);
            commands.toFile().setReadable(true, true);
            Path preBoot = runtimeDir.resolve("pre-boot-commands.asadmin");
            Files.writeString(preBoot, preBootCommands(), StandardCharsets.UTF_8);
            Path logging = runtimeDir.resolve("logging.properties");
            Files.writeString(logging, log.loggingProperties(), StandardCharsets.ISO_8859_1);
            trustValidAuthoritiesOnly();
            // Hazelcast reads these when the data grid starts; Payara sets none of them itself
            gridProperties().forEach(System::setProperty);
            JSON_PROVIDER.forEach(
                    (name, value) -> {
                        if (System.getProperty(name) == null) {
                            System.setProperty(name, value);
                        }
                    });
            return PayaraMicroLauncher.create(
                    arguments(war, preBoot, commands, logging).toArray(String[]::new));
        } catch (IOException e) {
            throw new StartupException(
                    "Cannot prepare the server's folder " + runtimeDir + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StartupException(
                    "Payara Micro did not boot: " + EmbeddedDatabase.rootMessage(e), e);
        }
    }

    /** Removes the post-boot file once the server has read it: it holds the database password. */
    public void forgetSecrets() {
        try {
            Files.deleteIfExists(runtimeDir.resolve("post-boot-commands.asadmin"));
        } catch (IOException ignored) {
            // the whole folder is laid anew at the next start
        }
    }

    /**
     * Payara Micro copies the trust store named by {@code javax.net.ssl.trustStore} into its
     * runtime folder and uses it instead of its own.
     */
    private void trustValidAuthoritiesOnly() {
        Path trustStore = runtimeDir.resolve("truststore.p12");
        TrustedCertificates.writeValid(
                TrustedCertificates.runtimeTrustStore(), trustStore, new Date());
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.trustStorePassword", TrustedCertificates.PASSWORD);
    }

    /**
     * Hazelcast's own settings, as system properties: it reads a property from its configuration
     * first and from the system properties next, and Payara's configuration carries none of these.
     * Hazelcast binds to every interface unless told not to, even with the interface named
     * (standalone.asadmin, {@code --interfaces}). A cluster's members notice a silent member after
     * 5 s instead of 60 s, and two halves of a split cluster look for each other every 5 s instead
     * of after 300 s and every 120 s.
     */
    Map<String, String> gridProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!settings.cluster() || settings.clusterOnLoopback()) {
            properties.put("hazelcast.socket.bind.any", "false");
        }
        if (settings.cluster()) {
            properties.put("hazelcast.max.no.heartbeat.seconds", "5");
            properties.put("hazelcast.heartbeat.interval.seconds", "1");
            properties.put("hazelcast.merge.first.run.delay.seconds", "5");
            properties.put("hazelcast.merge.next.run.delay.seconds", "5");
        }
        return properties;
    }

    /**
     * Payara Micro's command line. In a cluster the members are named, never found by multicast;
     * each listens on the lowest listed port that is free on its machine (Hazelcast tries the next
     * ports in turn), so that two members on one machine take two ports of the list. The cluster's
     * own name keeps a member from joining some other Payara that happens to listen on a listed
     * port.
     */
    List<String> arguments(Path war, Path preBoot, Path postBoot, Path logging) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--port",
                                Integer.toString(settings.httpPort()),
                                "--rootdir",
                                runtimeDir.resolve("payara").toString(),
                                "--prebootcommandfile",
                                preBoot.toString(),
                                "--postbootcommandfile",
                                postBoot.toString(),
                                "--logproperties",
                                logging.toString(),
                                "--deploy",
                                war.toString(),
                                "--contextroot",
                                "/",
                                "--disablephonehome"));
        if (!settings.cluster()) {
            args.add("--nocluster");
            return args;
        }
        List<LauncherSettings.ClusterMember> members = settings.clusterMembers();
        args.addAll(
                List.of(
                        "--clustername",
                        CLUSTER_NAME,
                        "--startport",
                        Integer.toString(
                                members.stream()
                                        .mapToInt(LauncherSettings.ClusterMember::port)
                                        .min()
                                        .orElseThrow()),
                        "--clustermode",
                        "tcpip:"
                                + members.stream()
                                        .map(LauncherSettings.ClusterMember::toString)
                                        .collect(Collectors.joining(","))));
        if (settings.clusterOnLoopback()) {
            args.addAll(List.of("--interfaces", "127.0.0.1"));
        }
        return args;
    }

    String postBootCommands(DatabaseCoordinates database) throws IOException {
        return serverConfig("post-boot-commands.asadmin")
                .replace("@db.properties@", database.asPoolProperties());
    }

    /** Where the HTTP listener binds, and, without clustering, the data grid on loopback only. */
    String preBootCommands() throws IOException {
        String commands =
                serverConfig("pre-boot-commands.asadmin")
                        .replace("@http.host@", settings.httpHost());
        return settings.cluster() ? commands : commands + serverConfig("standalone.asadmin");
    }

    private static String serverConfig(String name) throws IOException {
        try (InputStream in =
                ServerBoot.class.getResourceAsStream(RESOURCES + "server-config/" + name)) {
            if (in == null) {
                throw new IOException("the jar carries no server-config/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path copyResource(String name, Path target) throws IOException {
        try (InputStream in = ServerBoot.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException(
                        "the jar carries no " + name + "; build it with ./mvnw package");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
