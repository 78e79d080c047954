package org.tickerdesk.ibkr.faketws;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A TWS stand-in on the loopback interface that speaks the API protocol as IB documents it: the
 * "API\0" greeting and version negotiation, startApi, and scripted answers to market data, contract
 * details, history and order requests (see {@link FakeTwsScript}). It can split every write into
 * random small pieces, send anything on demand and drop the connection. One client at a time; after
 * a drop it accepts the next, so reconnection can be tested.
 */
public final class FakeTwsServer implements AutoCloseable {

    private final int maxVersion;
    private final ServerSocket server;
    private final Random random = new Random(42);
    private final BlockingQueue<List<String>> requests = new LinkedBlockingQueue<>();
    private final AtomicInteger historyRequests = new AtomicInteger();
    public final Set<Integer> clientIdsInUse = ConcurrentHashMap.newKeySet();

    /**
     * The orders TWS holds open, by order id, as openOrder messages; they outlive a client's
     * connection.
     */
    public final ConcurrentMap<Integer, List<String>> openOrders = new ConcurrentHashMap<>();

    /** Today's executions, replayed on reqExecutions in any later connection. */
    public final List<FakeTwsScript.Executed> executions = new CopyOnWriteArrayList<>();

    /**
     * The positions TWS reports on reqPositions, as position messages, before positionEnd, which it
     * holds back while {@link #withholdPositionEnd} is set.
     */
    public final List<List<String>> positions = new CopyOnWriteArrayList<>();

    /**
     * The portfolio TWS reports on reqAccountUpdates, as updatePortfolioValue messages, before
     * accountDownloadEnd, which it holds back while {@link #withholdAccountDownloadEnd} is set.
     */
    public final List<List<String>> portfolio = new CopyOnWriteArrayList<>();

    public volatile boolean withholdAccountDownloadEnd;

    /**
     * Contract details a test scripts, by "SYMBOL SECTYPE" as the request names the contract (or by
     * its conId alone), each answered with the messages made for the request's id; they take
     * precedence over the built-in answers.
     */
    public final ConcurrentMap<String, IntFunction<List<List<String>>>> scriptedContractDetails =
            new ConcurrentHashMap<>();

    /**
     * History a test scripts, by the requested contract's symbol (or its conId when the request
     * names it by conId alone), answered with the messages made for the request's id; it takes
     * precedence over the built-in answers.
     */
    public final ConcurrentMap<String, IntFunction<List<List<String>>>> scriptedHistory =
            new ConcurrentHashMap<>();

    public volatile boolean withholdPositionEnd;
    public volatile int highestOrderId;
    public volatile boolean fragmentWrites = true;
    public volatile String greetingSeen;

    /** Sessions begun so far (a client's greeting served), over all connections. */
    public final java.util.concurrent.atomic.AtomicInteger sessions =
            new java.util.concurrent.atomic.AtomicInteger();

    public volatile int negotiatedVersion;
    private volatile Socket client;
    private volatile FakeTwsScript script;

    public FakeTwsServer(int maxVersion) throws IOException {
        this(maxVersion, 0);
    }

    /** Listens on the given port (0: any free one), as TWS does on 7497. */
    public FakeTwsServer(int maxVersion, int port) throws IOException {
        this.maxVersion = maxVersion;
        this.server = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-tws-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next request the client sent after the handshake, as fields. */
    public List<String> nextRequest() throws InterruptedException {
        return nextRequest(Duration.ofSeconds(5));
    }

    public List<String> nextRequest(Duration patience) throws InterruptedException {
        List<String> request = requests.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("The client sent no request within " + patience);
        }
        return request;
    }

    /** The next request with this message id, skipping others. */
    public List<String> nextRequest(int messageId) throws InterruptedException {
        return nextRequest(messageId, Duration.ofSeconds(5));
    }

    /** The next request with this message id within the patience, skipping others. */
    public List<String> nextRequest(int messageId, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> request =
                    nextRequest(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (request.get(0).equals(String.valueOf(messageId))) {
                return request;
            }
        }
    }

    /** How many reqHistoricalData arrived, over all connections. */
    public int historyRequests() {
        return historyRequests.get();
    }

    /** Every request received so far that no one has taken yet, without waiting. */
    public List<List<String>> drainRequests() {
        List<List<String>> drained = new ArrayList<>();
        requests.drainTo(drained);
        return drained;
    }

    public void send(List<String> fields) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String field : fields) {
            body.append(field).append('\0');
        }
        sendFramed(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void sendFramed(byte[] body) throws IOException {
        byte[] frame = new byte[body.length + 4];
        frame[0] = (byte) (body.length >>> 24);
        frame[1] = (byte) (body.length >>> 16);
        frame[2] = (byte) (body.length >>> 8);
        frame[3] = (byte) body.length;
        System.arraycopy(body, 0, frame, 4, body.length);
        sendRaw(frame);
    }

    public synchronized void sendRaw(byte[] bytes) throws IOException {
        Socket s = client;
        if (s == null) {
            throw new IOException("No client connected");
        }
        OutputStream out = s.getOutputStream();
        if (!fragmentWrites) {
            out.write(bytes);
        } else {
            for (int i = 0; i < bytes.length; ) {
                int piece = Math.min(bytes.length - i, 1 + random.nextInt(7));
                out.write(bytes, i, piece);
                out.flush();
                i += piece;
            }
        }
        out.flush();
    }

    /** The next historical request of the current session is refused with error 162. */
    public void violatePacingOnNextHistoryRequest() {
        script.pacingViolationNext = true;
    }

    /** The next historical request of the current session gets no answer at all. */
    public void ignoreNextHistoryRequest() {
        script.silenceOnNextHistory = true;
    }

    public void dropConnection() throws IOException {
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() throws IOException {
        // the listener first: a client that reconnects at once must find nothing, not a new session
        server.close();
        dropConnection();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setTcpNoDelay(true);
                client = s;
                serve(new DataInputStream(s.getInputStream()));
            } catch (IOException e) {
                client = null;
            }
        }
    }

    private void serve(DataInputStream in) throws IOException {
        byte[] prefix = new byte[4];
        in.readFully(prefix);
        if (!new String(prefix, StandardCharsets.US_ASCII).equals("API\0")) {
            throw new IOException("Client did not start with API\\0");
        }
        greetingSeen = new String(readBody(in), StandardCharsets.US_ASCII);
        sessions.incrementAndGet();
        String[] range = greetingSeen.substring(1).split(" ")[0].split("\\.\\.");
        negotiatedVersion = Math.min(maxVersion, Integer.parseInt(range[1]));
        script = new FakeTwsScript(this, new ServerMessages(negotiatedVersion), negotiatedVersion);
        send(ServerMessages.of(negotiatedVersion, "20251121 15:30:00 EST"));
        while (true) {
            List<String> request = fields(readBody(in));
            requests.add(request);
            if (request.get(0).equals("20")) {
                historyRequests.incrementAndGet();
            }
            script.answer(request);
        }
    }

    private static byte[] readBody(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    private static List<String> fields(byte[] body) {
        List<String> fields =
                new ArrayList<>(List.of(new String(body, StandardCharsets.UTF_8).split("\0", -1)));
        fields.remove(fields.size() - 1);
        return fields;
    }
}
