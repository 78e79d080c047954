package org.tickerdesk.launcher;

import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.LogManager;

/**
 * The server's log file, {@code <data dir>/logs/server.log}: what the embedded PostgreSQL and
 * Payara Micro say while they set themselves up and run goes there, so the console shows only what
 * the user needs. The previous start's log is kept as {@code server.log.1}.
 */
public final class ServerLog {

    private final Path file;

    public ServerLog(Path dataDir) {
        this.file = dataDir.resolve("logs").resolve("server.log");
    }

    public Path file() {
        return file;
    }

    /** Starts a new log file and sends this JVM's logging to it. */
    public void open() {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                Files.move(
                        file,
                        file.resolveSibling("server.log.1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            LogManager.getLogManager()
                    .readConfiguration(
                            new ByteArrayInputStream(
                                    loggingProperties().getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new StartupException(
                    "Cannot write the log file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends what is still printed to the console into the log: while it shuts down, Payara Micro
     * prints its own remarks there, which tell the user nothing.
     */
    public void captureConsole() {
        try {
            PrintStream log =
                    new PrintStream(
                            new FileOutputStream(file.toFile(), true),
                            true,
                            StandardCharsets.UTF_8);
            System.setOut(log);
            System.setErr(log);
        } catch (IOException e) {
            // the console keeps them then
        }
    }

    /**
     * The java.util.logging configuration for this launcher and, through {@code --logproperties},
     * for Payara Micro, which otherwise logs to the console. Both append to the one file.
     */
    String loggingProperties() {
        return String.join(
                "\n",
                "handlers=java.util.logging.FileHandler",
                "java.util.logging.FileHandler.pattern=" + escape(file.toString()),
                "java.util.logging.FileHandler.append=true",
                "java.util.logging.FileHandler.limit=0",
                "java.util.logging.FileHandler.count=1",
                "java.util.logging.FileHandler.level=ALL",
                "java.util.logging.FileHandler.encoding=UTF-8",
                "java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter",
                "java.util.logging.SimpleFormatter.format=%1$tFT%1$tT.%1$tL%1$tz %4$s [%3$s]"
                        + " %5$s%6$s%n",
                ".level=INFO",
                "");
    }

    /** Properties files read a backslash as an escape and a '%' in the pattern as a variable. */
    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace("%", "%%");
    }
}
