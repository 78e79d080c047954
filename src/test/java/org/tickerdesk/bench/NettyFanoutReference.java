package org.tickerdesk.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.EventExecutor;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The least a fan-out of quotes over WebSocket needs, as a yardstick for {@code /ws/market}: one
 * ticker thread makes a batch of ticks every millisecond at the given rate, round robin over the
 * symbols S0000, S0001, ..., as JSON shaped like Tickerdesk's quote messages, each encoded once;
 * every event loop writes each tick of the batch to its own subscribers and flushes each of them
 * once per batch. It answers {@code subscribe} like Tickerdesk and, like it, closes a client that
 * has 4 MiB waiting with a {@code slow_consumer} error.
 *
 * <p>{@code java -cp target/test-classes:... org.tickerdesk.bench.NettyFanoutReference PORT
 * TICKS_PER_SECOND SYMBOLS}; prints {@code ready} once it listens.
 */
public final class NettyFanoutReference {

    private static final int MAX_BATCH = 4096;
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final double ticksPerSecond;
    private final String[] symbols;
    private final long[] offsets;
    private final long[] cents;
    private final String epoch = Long.toHexString(new Random().nextLong() | 1L << 63);
    private final Random random = new Random(42);
    private final Map<EventExecutor, LoopSubscribers> loops = new IdentityHashMap<>();

    private NettyFanoutReference(double ticksPerSecond, int symbolCount) {
        this.ticksPerSecond = ticksPerSecond;
        this.symbols = new String[symbolCount];
        this.offsets = new long[symbolCount];
        this.cents = new long[symbolCount];
        for (int i = 0; i < symbolCount; i++) {
            symbols[i] = String.format("S%04d", i);
            cents[i] = 10_000 + 100L * i;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        var reference =
                new NettyFanoutReference(Double.parseDouble(args[1]), Integer.parseInt(args[2]));
        EventLoopGroup acceptor = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(2);
        for (EventExecutor loop : workers) {
            reference.loops.put(loop, new LoopSubscribers(reference.symbols));
        }
        new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(1 << 21, LoopSubscribers.SLOW_CONSUMER_BYTES))
                .childHandler(
                        new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel channel) {
                                channel.pipeline()
                                        .addLast(
                                                new HttpServerCodec(),
                                                new HttpObjectAggregator(65536),
                                                new WebSocketServerProtocolHandler(
                                                        "/ws/market", null, false, 65536),
                                                new SubscribeHandler(
                                                        reference.loops.get(channel.eventLoop())));
                            }
                        })
                .bind(port)
                .sync();
        System.out.println("ready on port " + port);
        reference.tick();
    }

    /** Forever: every millisecond, the ticks due by now, to every event loop. */
    private void tick() {
        long start = System.nanoTime();
        long emitted = 0;
        int next = 0;
        while (true) {
            long elapsed = System.nanoTime() - start;
            LockSupport.parkNanos(BATCH_NANOS - elapsed % BATCH_NANOS);
            long due = (long) ((System.nanoTime() - start) * ticksPerSecond / 1e9);
            int count = (int) Math.min(due - emitted, MAX_BATCH);
            if (count <= 0) {
                continue;
            }
            emitted += count;
            long micros = nowMicros();
            int[] symbolOf = new int[count];
            ByteBuf[] frames = new ByteBuf[count];
            for (int i = 0; i < count; i++) {
                symbolOf[i] = next;
                frames[i] = message(next, micros);
                next = (next + 1) % symbols.length;
            }
            for (ByteBuf frame : frames) {
                frame.retain(loops.size() - 1);
            }
            loops.forEach(
                    (loop, subscribers) ->
                            loop.execute(() -> subscribers.deliver(symbolOf, frames)));
        }
    }

    private ByteBuf message(int symbol, long micros) {
        long offset = ++offsets[symbol];
        long bid = cents[symbol] += random.nextInt(3) - 1;
        StringBuilder json = new StringBuilder(300);
        json.append("{\"type\":\"quote\",\"stream\":\"quotes:").append(symbols[symbol]);
        json.append("\",\"data\":{\"symbol\":\"").append(symbols[symbol]);
        fraction(json.append("\",\"bid\":").append(bid / 100), bid % 100, 10);
        fraction(json.append(",\"ask\":").append((bid + 2) / 100), (bid + 2) % 100, 10);
        json.append(",\"last\":null,\"bidSize\":300,\"askSize\":200,\"lastSize\":0,\"volume\":");
        json.append(120_000 + offset).append(",\"marketDataType\":\"LIVE\"},\"epoch\":\"");
        json.append(epoch).append("\",\"offset\":").append(offset);
        fraction(json.append(",\"ts\":").append(micros / 1000), micros % 1000, 100);
        return ByteBufUtil.writeUtf8(PooledByteBufAllocator.DEFAULT, json.append('}'));
    }

    /** Appends a decimal fraction with leading zeros: 5 with {@code unit} 100 is ".005". */
    private static StringBuilder fraction(StringBuilder json, long value, long unit) {
        json.append('.');
        for (; unit > 1 && value < unit; unit /= 10) {
            json.append('0');
        }
        return json.append(value);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
