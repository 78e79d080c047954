package org.tickerdesk.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The reference server's subscribers on one event loop, and its share of the fan-out. Only that
 * loop's thread touches it: subscriptions arrive on the channel's loop and the ticker hands each
 * batch to every loop, so nothing here is locked.
 */
final class LoopSubscribers {

    static final int SLOW_CONSUMER_BYTES = 4 << 20;

    private final List<String> symbols;
    private final List<List<Channel>> bySymbol = new ArrayList<>();
    private final List<Channel> everySymbol = new ArrayList<>();
    private final Set<Channel> written = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Channel> slow = Collections.newSetFromMap(new IdentityHashMap<>());

    LoopSubscribers(String[] symbols) {
        this.symbols = List.of(symbols);
        for (int i = 0; i < symbols.length; i++) {
            bySymbol.add(new ArrayList<>());
        }
    }

    /** Subscribes to {@code quotes:*} or {@code quotes:SYMBOL}; false for any other stream. */
    boolean subscribe(Channel channel, String stream) {
        if (stream.equals("quotes:*")) {
            return everySymbol.contains(channel) || everySymbol.add(channel);
        }
        int symbol = stream.startsWith("quotes:") ? symbols.indexOf(stream.substring(7)) : -1;
        if (symbol < 0) {
            return false;
        }
        List<Channel> subscribers = bySymbol.get(symbol);
        return subscribers.contains(channel) || subscribers.add(channel);
    }

    void remove(Channel channel) {
        everySymbol.remove(channel);
        bySymbol.forEach(subscribers -> subscribers.remove(channel));
    }

    /** Writes each tick to its subscribers, flushes each written channel once; releases frames. */
    void deliver(int[] symbolOf, ByteBuf[] frames) {
        try {
            for (int i = 0; i < frames.length; i++) {
                for (Channel channel : bySymbol.get(symbolOf[i])) {
                    write(channel, frames[i]);
                }
                for (Channel channel : everySymbol) {
                    write(channel, frames[i]);
                }
            }
            written.forEach(Channel::flush);
            slow.forEach(this::closeSlow);
        } finally {
            written.clear();
            slow.clear();
            for (ByteBuf frame : frames) {
                frame.release();
            }
        }
    }

    private void write(Channel channel, ByteBuf frame) {
        if (!channel.isWritable()) {
            slow.add(channel);
            return;
        }
        channel.write(new TextWebSocketFrame(frame.retainedDuplicate()), channel.voidPromise());
        written.add(channel);
    }

    private void closeSlow(Channel channel) {
        remove(channel);
        channel.write(new TextWebSocketFrame("{\"type\":\"error\",\"code\":\"slow_consumer\"}"));
        channel.writeAndFlush(
                        new CloseWebSocketFrame(
                                WebSocketCloseStatus.POLICY_VIOLATION, "slow_consumer"))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
