package org.tickerdesk.streaming.boundary;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end throughput of a running Tickerdesk: subscribes to {@code quotes:*} on /ws/market and
 * reports quote messages per second and the delay from the source's timestamp to arrival. Start the
 * server with a high simulated rate first, e.g. {@code TICKERDESK_SIM_TICKS_PER_SECOND=50000
 * TICKERDESK_SIM_SYMBOLS=500 java -jar target/tickerdesk.jar}, then run {@code java -cp
 * target/test-classes org.tickerdesk.streaming.boundary.QuoteStreamBenchmark
 * ws://localhost:8080/ws/market 20}.
 */
public final class QuoteStreamBenchmark implements WebSocket.Listener {

    private final AtomicLong messages = new AtomicLong();
    private final long[] delaysMicros = new long[1 << 20];
    private final AtomicLong delayCount = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "ws://localhost:8080/ws/market";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        QuoteStreamBenchmark benchmark = new QuoteStreamBenchmark();
        WebSocket socket =
                HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .buildAsync(URI.create(url), benchmark)
                        .join();
        socket.sendText("{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:*\"]}", true).join();
        Thread.sleep(3000);
        long start = benchmark.messages.get();
        long startNanos = System.nanoTime();
        benchmark.delayCount.set(0);
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long received = benchmark.messages.get() - start;
        int n = (int) Math.min(benchmark.delayCount.get(), benchmark.delaysMicros.length);
        long[] delays = Arrays.copyOf(benchmark.delaysMicros, n);
        Arrays.sort(delays);
        System.out.printf(
                "quote messages: %d in %.1f s = %.0f per second%n",
                received, elapsed, received / elapsed);
        if (n > 0) {
            System.out.printf(
                    "source-to-client delay: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples)%n",
                    delays[n / 2] / 1000.0,
                    delays[(int) (n * 0.99)] / 1000.0,
                    delays[n - 1] / 1000.0,
                    n);
        }
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            if (text.startsWith("{\"type\":\"quote\"")) {
                messages.incrementAndGet();
                int at = text.lastIndexOf("\"ts\":");
                if (at > 0) {
                    double ts = Double.parseDouble(text.substring(at + 5, text.indexOf('}', at)));
                    long nowMicros = System.currentTimeMillis() * 1000;
                    long index = delayCount.getAndIncrement();
                    if (index < delaysMicros.length) {
                        delaysMicros[(int) index] = Math.max(0, nowMicros - (long) (ts * 1000));
                    }
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    /**
     * A client that cannot keep up is closed with slow_consumer: the run is void then, and says so.
     */
    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        System.out.printf(
                "closed by the server after %d quotes: %d %s%n",
                messages.get(), statusCode, reason);
        return null;
    }
}
