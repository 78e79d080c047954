package org.tickerdesk.testing.container;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro's Arquillian container boots a server for every deployment, that is for every test
 * class; booting takes most of a minute. This one boots it once, on the first deployment, and keeps
 * it for every test class after it (they all deploy the same archive, see {@link TickerdeskWar}),
 * then stops it, its database and its folders when the suite ends.
 *
 * <p>Before the boot it starts the {@link TestDatabase} and hands Payara Micro the application's
 * post-boot commands filled in for it, the PostgreSQL driver, and a root folder of its own, so no
 * runtime folder is left in the system's temp folder. The data grid still listens (on port 6900 and
 * up, on every interface, even without a cluster); its discovery is kept to the loopback.
 */
public final class SharedPayaraMicro
        implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private static final Logger LOG = Logger.getLogger(SharedPayaraMicro.class.getName());
    private static final String DEPLOYMENT_FOLDER_PREFIX = "arquillian-payara-micro";

    /**
     * Where the server's Yahoo source asks: a port free at boot, on which an in-container test
     * serves Yahoo's answers itself (there is no outside network here).
     */
    public static final String YAHOO_BASE_URL = "tickerdesk.history.yahoo.base-url";

    /**
     * Where the webhook channel posts: a port nothing listens on until a test (in the server)
     * answers on it, so the channel is configured and fails until then.
     */
    public static final String WEBHOOK_URL = "tickerdesk.webhook.url";

    private final PayaraMicroDeployableContainer micro = new PayaraMicroDeployableContainer();
    private PayaraMicroContainerConfiguration configuration;
    private Path workDir;
    private TestDatabase database;
    private Archive<?> deployed;
    private ProtocolMetaData booted;
    private DeploymentException failed;
    private List<ProcessHandle> server = List.of();
    private Set<Path> deploymentFolders = Set.of();

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return PayaraMicroContainerConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return micro.getDefaultProtocol();
    }

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (booted != null) {
            return booted;
        }
        if (failed != null) {
            throw failed;
        }
        try {
            booted = boot(archive);
            return booted;
        } catch (DeploymentException e) {
            failed = e;
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            failed = new DeploymentException("Payara Micro could not be booted: " + e, e);
            throw failed;
        }
    }

    /** Every test class deploys the same archive, so the server stays for the next one. */
    @Override
    public void undeploy(Archive<?> archive) {}

    @Override
    public synchronized void stop() {
        try {
            if (deployed != null) {
                micro.undeploy(deployed);
            }
        } catch (DeploymentException e) {
            LOG.log(Level.WARNING, "Payara Micro did not stop", e);
        }
        server.forEach(SharedPayaraMicro::awaitExit);
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "The test database did not stop", e);
            }
        }
        deploymentFolders.forEach(SharedPayaraMicro::deleteRecursively);
        if (workDir != null) {
            deleteRecursively(workDir);
        }
    }

    private ProtocolMetaData boot(Archive<?> archive)
            throws IOException, SQLException, DeploymentException {
        workDir =
                Path.of(System.getProperty("tickerdesk.container.dir", "target/container"))
                        .toAbsolutePath();
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        database = TestDatabase.start(workDir.resolve("postgres"));
        Path commands = workDir.resolve("post-boot-commands.asadmin");
        Files.writeString(
                commands,
                database.postBootCommands(Path.of("server-config/post-boot-commands.asadmin")),
                StandardCharsets.UTF_8);
        configuration.setExtraMicroOptions(
                options(
                        configuration.getExtraMicroOptions(),
                        "--rootdir",
                        workDir.resolve("payara").toString(),
                        "--postbootcommandfile",
                        commands.toString(),
                        "--addlibs",
                        jarOf(org.postgresql.Driver.class).toString(),
                        "--interfaces",
                        "127.0.0.1",
                        "--prebootcommandfile",
                        Path.of("server-config/standalone.asadmin").toAbsolutePath().toString(),
                        "--disablephonehome"));
        configuration.setCmdOptions(
                options(
                        configuration.getCmdOptions(),
                        "-D" + YAHOO_BASE_URL + "=http://127.0.0.1:" + freePort(),
                        "-D" + WEBHOOK_URL + "=http://127.0.0.1:" + freePort() + "/hook",
                        "-Dtickerdesk.notifications.retry.first-ms=200",
                        "-Dtickerdesk.notifications.retry.max-ms=1000",
                        "-Dtickerdesk.notifications.failing-after=2"));
        micro.setup(configuration);

        Set<Path> foldersBefore = deploymentFolders();
        Set<Long> childrenBefore = children().map(ProcessHandle::pid).collect(Collectors.toSet());
        deployed = archive;
        ProtocolMetaData metaData;
        try {
            metaData = micro.deploy(archive);
        } finally {
            server = children().filter(p -> !childrenBefore.contains(p.pid())).toList();
            Set<Path> folders = new HashSet<>(deploymentFolders());
            folders.removeAll(foldersBefore);
            deploymentFolders = folders;
        }
        if (metaData == null) {
            throw new DeploymentException(
                    "Payara Micro did not come up in time; its output is in the test's output");
        }
        return metaData;
    }

    /** Options are split at spaces that are not escaped. */
    private static String options(String given, String... more) {
        String ours =
                Stream.of(more).map(o -> o.replace(" ", "\\ ")).collect(Collectors.joining(" "));
        return given == null || given.isBlank() ? ours : given + " " + ours;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where " + type + " is loaded from", e);
        }
    }

    private static Stream<ProcessHandle> children() {
        return ProcessHandle.current().children();
    }

    /** The container's own folder for the deployed archive, which it never removes. */
    private static Set<Path> deploymentFolders() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(
                            p -> p.getFileName().toString().startsWith(DEPLOYMENT_FOLDER_PREFIX))
                    .collect(Collectors.toSet());
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warning("Payara Micro (pid " + process.pid() + ") ignored SIGTERM; killing it");
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Could not wait for pid " + process.pid(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove " + dir, e);
        }
    }
}
