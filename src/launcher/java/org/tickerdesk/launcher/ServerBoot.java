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
import java.util.List;
import java.util.stream.Stream;

/**
 * Boots Payara Micro in this JVM with the WAR and the post-boot commands carried inside the jar.
 * Its working folder ({@code --rootdir}) lives under the data folder and is laid anew at every
 * start, so no start leaves a runtime folder behind in the system's temp folder.
 */
public final class ServerBoot {

    private static final String RESOURCES = "/launcher/";

    private final LauncherSettings settings;
    private final Path runtimeDir;

    public ServerBoot(LauncherSettings settings) {
        this.settings = settings;
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
            return PayaraMicroLauncher.create(arguments(war, commands).toArray(String[]::new));
        } catch (IOException e) {
            throw new StartupFailure(
                    "Cannot prepare the server's folder " + runtimeDir + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new StartupFailure(
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

    private List<String> arguments(Path war, Path commands) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--port",
                                Integer.toString(settings.httpPort()),
                                "--rootdir",
                                runtimeDir.resolve("payara").toString(),
                                "--postbootcommandfile",
                                commands.toString(),
                                "--deploy",
                                war.toString(),
                                "--contextroot",
                                "/",
                                "--disablephonehome"));
        if (!settings.cluster()) {
            args.add("--nocluster");
        }
        return args;
    }

    String postBootCommands(DatabaseCoordinates database) throws IOException {
        String template;
        try (InputStream in =
                ServerBoot.class.getResourceAsStream(
                        RESOURCES + "server-config/post-boot-commands.asadmin")) {
            if (in == null) {
                throw new IOException(
                        "the jar carries no server-config/post-boot-commands.asadmin");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return template.replace("@db.properties@", database.asPoolProperties());
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
