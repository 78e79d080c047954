package org.tickerdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The CPU time processes have used so far, as Linux reports it. */
final class ProcessCpu {

    /** Linux reports process CPU time in clock ticks of 1/100 s on every common architecture. */
    private static final long MICROS_PER_CLOCK_TICK = 10_000;

    private ProcessCpu() {}

    /** User and system CPU time of a process so far, from {@code /proc/PID/stat}. */
    static long micros(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                    * MICROS_PER_CLOCK_TICK;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The CPU time of a PostgreSQL server and its backends. The postmaster runs as a daemon, not as
     * a child of Tickerdesk, so it is found by its data folder; a backend that ends within the
     * window takes its time with it.
     */
    static Long database(Path dataDir) {
        return postmaster(dataDir)
                .map(
                        postmaster ->
                                micros(postmaster)
                                        + ProcessHandle.of(postmaster).stream()
                                                .flatMap(ProcessHandle::descendants)
                                                .mapToLong(child -> micros(child.pid()))
                                                .sum())
                .orElse(null);
    }

    /**
     * The process id of the PostgreSQL server running on this data folder: the one its {@code
     * postmaster.pid} names, if that process still runs on this folder (a pid file left behind may
     * name a process that has nothing to do with it).
     */
    static Optional<Long> postmaster(Path dataDir) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0));
            return ProcessHandle.of(pid)
                    .filter(
                            p ->
                                    p.info()
                                            .commandLine()
                                            .map(line -> line.contains(dataDir.toString()))
                                            .orElse(false))
                    .map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
