package org.tickerdesk.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.concurrent.Promise;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * WebSocket clients of a quote stream, one subscription each, counted together: quote messages,
 * their latency (arrival wall time minus the message's source {@code ts}), messages lost (gaps in a
 * stream's {@code offset}), and every error message and close by the server. Stalled clients
 * subscribe to {@code quotes:*} and then never read, so the server must deal with slow consumers.
 */
final class LoadGenerator implements AutoCloseable {

    /**
     * What the clients saw in one measured window, {@code subscribed} of them (stalled ones aside);
     * {@code endings} counts the whole run.
     */
    record Window(
            int subscribed,
            double seconds,
            long messages,
            long lost,
            Histogram latencyMicros,
            Map<String, Long> endings) {}

    private static final int HANDSHAKES_AT_ONCE = 50;
    private static final int MAX_FRAME = 1 << 20;

    private final EventLoopGroup group;
    private final boolean ownGroup;
    private final List<Channel> channels = new ArrayList<>();
    private final List<Client> stalled = new ArrayList<>();
    private final Recorder latency = new Recorder(3);
    private final LongAdder messages = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final Map<String, LongAdder> endings = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private int subscribed;
    private long windowStart;
    private long messagesAtStart;
    private long lostAtStart;

    private LoadGenerator(EventLoopGroup group, boolean ownGroup) {
        this.group = group;
        this.ownGroup = ownGroup;
    }

    /**
     * Connects one client per stream name plus {@code stalled} ones and waits up to {@code
     * patience} for their subscriptions' acks. A server too busy to accept them all is a result,
     * not an error: the clients not subscribed by then are closed and counted, and the rest
     * measured.
     */
    static LoadGenerator connect(URI uri, List<String> streams, int stalled, Duration patience)
            throws InterruptedException {
        return connect(
                new LoadGenerator(new NioEventLoopGroup(2), true), uri, streams, stalled, patience);
    }

    /**
     * As {@link #connect(URI, List, int, Duration)}, on event loops the caller shares between
     * generators and shuts down itself: clients of several servers then take the same two threads
     * as the clients of one would, and are still counted apart.
     */
    static LoadGenerator connect(
            EventLoopGroup group, URI uri, List<String> streams, int stalled, Duration patience)
            throws InterruptedException {
        return connect(new LoadGenerator(group, false), uri, streams, stalled, patience);
    }

    private static LoadGenerator connect(
            LoadGenerator load, URI uri, List<String> streams, int stalled, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Semaphore handshakes = new Semaphore(HANDSHAKES_AT_ONCE);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < streams.size() + stalled; i++) {
            boolean stall = i >= streams.size();
            Client client = new Client(load, stall ? "quotes:*" : streams.get(i), stall);
            clients.add(client);
            if (handshakes.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                load.open(uri, client).addListener(done -> handshakes.release());
            }
        }
        for (Client client : clients) {
            Promise<Void> ack = client.ack;
            if (ack == null
                    || !ack.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    || !ack.isSuccess()) {
                client.abandon("not subscribed within " + patience.toSeconds() + " s");
            } else if (client.stall) {
                load.stalled.add(client);
            } else {
                load.subscribed++;
            }
        }
        return load;
    }

    void startWindow() {
        latency.reset();
        messagesAtStart = messages.sum();
        lostAtStart = lost.sum();
        windowStart = System.nanoTime();
    }

    /**
     * Ends the window, then lets the stalled clients read for a while: only so do they see whether
     * the server closed them, which a client that never reads cannot notice.
     */
    Window endWindow() throws InterruptedException {
        Histogram histogram = latency.getIntervalHistogram();
        double seconds = (System.nanoTime() - windowStart) / 1e9;
        long received = messages.sum() - messagesAtStart;
        long missed = lost.sum() - lostAtStart;
        if (!stalled.isEmpty()) {
            stalled.forEach(client -> client.channel.config().setAutoRead(true));
            TimeUnit.SECONDS.sleep(3);
        }
        Map<String, Long> ended = new TreeMap<>();
        endings.forEach((what, count) -> ended.put(what, count.sum()));
        return new Window(subscribed, seconds, received, missed, histogram, ended);
    }

    @Override
    public void close() {
        closing = true;
        synchronized (channels) {
            channels.forEach(Channel::close);
        }
        if (ownGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private Promise<Void> open(URI uri, Client client) {
        WebSocketClientProtocolConfig handshake =
                WebSocketClientProtocolConfig.newBuilder()
                        .webSocketUri(uri)
                        .maxFramePayloadLength(MAX_FRAME)
                        .handleCloseFrames(false)
                        .build();
        Bootstrap bootstrap =
                new Bootstrap()
                        .group(group)
                        .channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .handler(
                                new ChannelInitializer<SocketChannel>() {
                                    @Override
                                    protected void initChannel(SocketChannel channel) {
                                        channel.pipeline()
                                                .addLast(
                                                        new HttpClientCodec(),
                                                        new HttpObjectAggregator(8192),
                                                        new WebSocketClientProtocolHandler(
                                                                handshake),
                                                        new WebSocketFrameAggregator(MAX_FRAME),
                                                        client);
                                    }
                                });
        client.ack = group.next().newPromise();
        ChannelFuture connecting = bootstrap.connect(uri.getHost(), uri.getPort());
        client.channel = connecting.channel();
        synchronized (channels) {
            channels.add(client.channel);
        }
        connecting.addListener(
                connected -> {
                    if (!connected.isSuccess()) {
                        client.ack.tryFailure(connected.cause());
                    }
                });
        return client.ack;
    }

    private void count(String what) {
        endings.computeIfAbsent(what, w -> new LongAdder()).increment();
    }

    /** One connection; all its callbacks run on its event loop, so its own state needs no lock. */
    private static final class Client extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final LoadGenerator load;
        private final String stream;
        private final boolean stall;
        private final Map<String, Long> offsets = new HashMap<>();
        private volatile Promise<Void> ack;
        private volatile Channel channel;
        private volatile boolean ended;

        Client(LoadGenerator load, String stream, boolean stall) {
            this.load = load;
            this.stream = stream;
            this.stall = stall;
        }

        private void note(String what) {
            load.count(stall ? "stalled client: " + what : what);
        }

        /** Counts why it gave up on this client and closes it, so it takes no part in a window. */
        void abandon(String why) {
            end(why);
            if (channel != null) {
                channel.close();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event
                    == WebSocketClientProtocolHandler.ClientHandshakeStateEvent
                            .HANDSHAKE_COMPLETE) {
                ctx.writeAndFlush(
                        new TextWebSocketFrame(
                                "{\"op\":\"subscribe\",\"id\":1,\"streams\":[\""
                                        + stream
                                        + "\"]}"));
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof CloseWebSocketFrame close) {
                end("close " + close.statusCode() + " " + close.reasonText());
                ctx.close();
            } else if (frame instanceof TextWebSocketFrame text) {
                read(ctx, text.text());
            }
        }

        private void read(ChannelHandlerContext ctx, String text) {
            if (text.startsWith("{\"type\":\"quote\"")) {
                if (!stall) {
                    quote(text);
                }
            } else if (text.startsWith("{\"type\":\"ack\"")) {
                ctx.channel().config().setAutoRead(!stall);
                ack.trySuccess(null);
            } else if (text.startsWith("{\"type\":\"error\"")) {
                int code = text.indexOf("\"code\":\"") + 8;
                note("error " + text.substring(code, text.indexOf('"', code)));
            }
        }

        private void quote(String text) {
            Instant now = Instant.now();
            long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
            int at = text.lastIndexOf("\"ts\":") + 5;
            double ts = Double.parseDouble(text.substring(at, text.indexOf('}', at)));
            load.latency.recordValue(Math.max(0, nowMicros - Math.round(ts * 1000)));
            load.messages.increment();
            int name = text.indexOf("\"stream\":\"") + 10;
            String streamName = text.substring(name, text.indexOf('"', name));
            at = text.lastIndexOf("\"offset\":") + 9;
            long offset = Long.parseLong(text, at, text.indexOf(',', at), 10);
            Long previous = offsets.put(streamName, offset);
            if (previous != null && offset > previous + 1) {
                load.lost.add(offset - previous - 1);
            } else if (previous != null && offset <= previous) {
                note("offset out of order");
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            end("connection lost without a close frame");
            ack.tryFailure(new IllegalStateException("closed before the subscription's ack"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            end("failed: " + cause);
            ack.tryFailure(cause);
            ctx.close();
        }

        private void end(String why) {
            if (!ended && !load.closing) {
                note(why);
            }
            ended = true;
        }
    }
}
