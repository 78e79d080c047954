package org.tickerdesk.streaming.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tickerdesk.it.Http;
import org.tickerdesk.it.TickerdeskProcess;

/**
 * Twenty clients subscribe to every quote at 3,000 ticks a second and stop reading: the server lets
 * go of each of them, and a client that reads meanwhile gets every message of every stream, none
 * missing, and is never told it is slow. (How its latency holds up is measured by the streaming
 * benchmark, not here.)
 */
class SlowConsumerIT {

    private static final TickerdeskProcess SERVER =
            new TickerdeskProcess(
                            "slow-consumers", Map.of("TICKERDESK_SIM_TICKS_PER_SECOND", "3000"))
                    .clean();

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    void clientsThatStopReadingAreClosedWhileAReadingOneGetsEverything() throws Exception {
        Reader reader = new Reader();
        WebSocket healthy =
                HttpClient.newHttpClient()
                        .newWebSocketBuilder()
                        .buildAsync(URI.create(SERVER.webSocketUrl()), reader)
                        .join();
        healthy.sendText(Subscription.EVERY_QUOTE, true).join();
        Thread.sleep(2_000);
        assertTrue(reader.quotes.get() > 0, "the reading client receives quotes");

        List<StalledClient> stalled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stalled.add(StalledClient.subscribe(SERVER.port(), Subscription.EVERY_QUOTE));
        }
        Thread.sleep(12_000);
        assertEquals(List.of(), reader.errors, "the reading client was never told it is slow");
        assertEquals(-1, reader.closedWith.get(), "the reading client is still connected");
        for (int second = 0; second < 3; second++) {
            long before = reader.quotes.get();
            Thread.sleep(1_000);
            assertTrue(
                    reader.quotes.get() > before,
                    "the reading client still receives, second " + (second + 1) + " of 3");
        }
        assertEquals(Map.of(), reader.gaps, "no stream skipped an offset for the reading client");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (clients() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(1, clients(), "the server let go of every client that stopped reading");
        assertFalse(
                Files.readString(SERVER.serverLog()).contains("sent one by one"),
                "the server wrote batches of frames, not message by message");
        for (StalledClient client : stalled) {
            client.close();
        }
        healthy.abort();
    }

    /** The server's count of open WebSocket connections, from its metrics. */
    private static long clients() {
        String metrics = Http.getAsAdmin(SERVER.baseUrl() + "/metrics").body();
        return metrics.lines()
                .filter(line -> line.startsWith("tickerdesk_websocket_clients"))
                .mapToLong(
                        line ->
                                (long)
                                        Double.parseDouble(
                                                line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    /** What the reading client saw: quotes, offsets skipped per stream, errors, its close. */
    private static final class Reader implements WebSocket.Listener {

        final AtomicLong quotes = new AtomicLong();
        final Map<String, Long> lastOffsets = new ConcurrentHashMap<>();
        final Map<String, String> gaps = new ConcurrentHashMap<>();
        final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger closedWith = new AtomicInteger(-1);
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject message =
                        Json.createReader(new StringReader(partial.toString())).readObject();
                partial.setLength(0);
                switch (message.getString("type")) {
                    case "quote" -> quote(message);
                    case "error" -> errors.add(message.toString());
                    default -> {}
                }
            }
            return null;
        }

        private void quote(JsonObject message) {
            quotes.incrementAndGet();
            String stream = message.getString("stream");
            long offset = message.getJsonNumber("offset").longValue();
            Long previous = lastOffsets.put(stream, offset);
            if (previous != null && offset != previous + 1) {
                gaps.putIfAbsent(stream, previous + " then " + offset);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            closedWith.set(status);
            return null;
        }
    }

    private static final class Subscription {
        static final String EVERY_QUOTE =
                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\"quotes:*\"]}";
    }

    /**
     * A WebSocket client on a plain socket with a small receive buffer, which subscribes and then
     * reads nothing, so that the server's writes to it back up as they would for a stalled browser.
     */
    private static final class StalledClient {

        private final Socket socket;

        private StalledClient(Socket socket) {
            this.socket = socket;
        }

        static StalledClient subscribe(int port, String request) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            byte[] nonce = new byte[16];
            new SecureRandom().nextBytes(nonce);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET /ws/market HTTP/1.1\r\nHost: 127.0.0.1:"
                                    + port
                                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                    + "Sec-WebSocket-Key: "
                                    + Base64.getEncoder().encodeToString(nonce)
                                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String status = headers(socket.getInputStream());
            if (!status.startsWith("HTTP/1.1 101")) {
                socket.close();
                throw new IOException("The handshake was refused: " + status);
            }
            out.write(maskedText(request));
            out.flush();
            return new StalledClient(socket);
        }

        void close() throws IOException {
            socket.close();
        }

        /** The status line; the rest of the response's head is read and dropped. */
        private static String headers(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            return head.toString().lines().findFirst().orElse("");
        }

        /**
         * A client's frames are masked (RFC 6455); this one is short enough for one length byte.
         */
        private static byte[] maskedText(String text) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] mask = {1, 2, 3, 4};
            byte[] frame = new byte[6 + payload.length];
            frame[0] = (byte) 0x81;
            frame[1] = (byte) (0x80 | payload.length);
            System.arraycopy(mask, 0, frame, 2, 4);
            for (int i = 0; i < payload.length; i++) {
                frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
            }
            return frame;
        }
    }
}
