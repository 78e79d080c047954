package org.tickerdesk.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.tickerdesk.bench.LoadGenerator.Window;

/** The benchmark's results as a markdown table, a row per scenario and server. */
final class ResultTable {

    /** One server's window in a scenario, with the CPU its processes used in it. */
    record Row(
            Scenario scenario,
            String server,
            Window window,
            long cpuMicros,
            Long dbCpuMicros,
            long loadCpuMicros) {}

    private ResultTable() {}

    static String of(List<Row> rows) {
        List<String> columns =
                List.of(
                        "Scenario",
                        "Server",
                        "Source ticks/s",
                        "Subscribed",
                        "Offered msg/s",
                        "Delivered msg/s",
                        "p50 ms",
                        "p99 ms",
                        "p99.9 ms",
                        "max ms",
                        "Lost",
                        "Closes, errors (whole run)",
                        "Server CPU µs/msg (cores)",
                        "DB CPU µs/msg",
                        "Load generator cores");
        StringBuilder table =
                new StringBuilder("| " + String.join(" | ", columns) + " |\n")
                        .append("|---|---|")
                        .append("--:|".repeat(9))
                        .append("---|")
                        .append("--:|".repeat(3))
                        .append('\n');
        for (Row row : rows) {
            Window window = row.window();
            Histogram latency = window.messages() == 0 ? null : window.latencyMicros();
            table.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %,.0f | %,d | %,.0f | %,.0f | %s | %s | %s | %s | %,d | %s"
                                    + " | %s (%.2f) | %s | %.2f |%n",
                            row.scenario(),
                            row.server(),
                            row.scenario().ticksPerSecond(),
                            window.subscribed(),
                            row.scenario().delivered()
                                    * window.subscribed()
                                    / row.scenario().clients(),
                            window.messages() / window.seconds(),
                            millis(latency, 50),
                            millis(latency, 99),
                            millis(latency, 99.9),
                            millis(latency, 100),
                            window.lost(),
                            endings(window.endings()),
                            perMessage(row.cpuMicros(), window.messages()),
                            row.cpuMicros() / 1e6 / window.seconds(),
                            perMessage(row.dbCpuMicros(), window.messages()),
                            row.loadCpuMicros() / 1e6 / window.seconds()));
        }
        return table.toString();
    }

    /** A percentile of the latencies in milliseconds; "–" if there were none. */
    private static String millis(Histogram latency, double percentile) {
        if (latency == null) {
            return "–";
        }
        double millis = latency.getValueAtPercentile(percentile) / 1000.0;
        return String.format(
                Locale.ROOT, millis < 10 ? "%.2f" : millis < 1000 ? "%.1f" : "%,.0f", millis);
    }

    private static String perMessage(Long micros, long messages) {
        return micros == null || messages == 0
                ? "–"
                : String.format(Locale.ROOT, "%.1f", (double) micros / messages);
    }

    private static String endings(Map<String, Long> endings) {
        return endings.isEmpty()
                ? "none"
                : endings.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
