package org.tickerdesk.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded database's data folder, checked before PostgreSQL is started on it: a folder written
 * by another major version would make the server refuse to start only after a long wait, and a
 * postmaster left running by a killed launcher would keep the folder locked.
 */
public final class PostgresDataDirectory {

    private final Path dir;

    public PostgresDataDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    public boolean initialised() {
        return Files.isRegularFile(dir.resolve("PG_VERSION"));
    }

    /** Fails at once, with the way out, when the folder holds another major version's data. */
    public void requireMajorVersion(int expected) {
        if (!initialised()) {
            return;
        }
        String found;
        try {
            found = Files.readString(dir.resolve("PG_VERSION"), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new StartupException(
                    "Cannot read " + dir.resolve("PG_VERSION") + ": " + e.getMessage(), e);
        }
        if (!found.equals(Integer.toString(expected))) {
            throw new StartupException(
                    "The database in "
                            + dir
                            + " was written by PostgreSQL "
                            + found
                            + ", but this Tickerdesk embeds PostgreSQL "
                            + expected
                            + ". Upgrade it with pg_upgrade (or dump and restore it), or point"
                            + " TICKERDESK_DATA_DIR at another folder.");
        }
    }

    /**
     * The process id recorded in {@code postmaster.pid}, if that process still runs a postgres
     * server: what a {@code kill -9} of the launcher leaves behind.
     */
    public Optional<ProcessHandle> orphanedPostmaster() {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(PostgresDataDirectory::isPostgres);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops an orphaned postmaster the way {@code pg_ctl stop -m fast} would (SIGINT), so that it
     * finishes its writes; only a postmaster that ignores that for half a minute is killed.
     */
    public void stopOrphanedPostmaster(Duration patience) {
        Optional<ProcessHandle> orphan = orphanedPostmaster();
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        System.out.println(
                "Tickerdesk: stopping PostgreSQL (pid "
                        + postmaster.pid()
                        + ") left running by an earlier start that did not shut down");
        signal(postmaster.pid(), "INT");
        long deadline = System.nanoTime() + patience.toNanos();
        while (postmaster.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (postmaster.isAlive()) {
            postmaster.destroyForcibly();
            sleep(500);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        String command = process.info().command().orElse("");
        return command.endsWith("/postgres") || command.endsWith("/postmaster");
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
