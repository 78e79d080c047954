package org.tickerdesk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How long the server's JIT compilers worked in each slice of a window ({@link ServerJit}), so a
 * benchmark's latencies can be read beside how much the server was still compiling when they were
 * taken.
 */
final class JitTrace implements AutoCloseable {

    private final ServerJit jit;
    private final Duration slice;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<Long> compiled = new ArrayList<>();

    private JitTrace(ServerJit jit, Duration slice) {
        this.jit = jit;
        this.slice = slice;
    }

    static JitTrace every(long pid, Duration slice) throws IOException {
        JitTrace trace = new JitTrace(ServerJit.of(pid), slice);
        trace.read();
        trace.clock.scheduleAtFixedRate(
                trace::read, slice.toMillis(), slice.toMillis(), TimeUnit.MILLISECONDS);
        return trace;
    }

    private synchronized void read() {
        compiled.add(jit.compiledMillis());
    }

    /** The milliseconds compiled in each slice, in order. */
    @Override
    public synchronized String toString() {
        List<String> slices = new ArrayList<>();
        for (int i = 1; i < compiled.size(); i++) {
            slices.add(Long.toString(compiled.get(i) - compiled.get(i - 1)));
        }
        return String.format(
                Locale.ROOT,
                "The server's JIT compilers worked %,d ms before the first slice; then, ms per %d s"
                        + " from the end of the start: %s",
                compiled.isEmpty() ? 0 : compiled.get(0),
                slice.toSeconds(),
                String.join(" ", slices));
    }

    @Override
    public void close() throws IOException {
        clock.shutdownNow();
        jit.close();
    }
}
