package org.tickerdesk.bench;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference server's side of one connection: answers {@code subscribe} as Tickerdesk does (an
 * ack listing what was subscribed and what was rejected) and forgets the client when it goes. It
 * reads requests with patterns rather than a JSON parser; the benchmark's are simple.
 */
final class SubscribeHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private static final Pattern OP = Pattern.compile("\"op\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\"[^\"]*\"|-?\\d+)");
    private static final Pattern STREAMS = Pattern.compile("\"streams\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    private final LoopSubscribers subscribers;

    SubscribeHandler(LoopSubscribers subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        String request = frame.text();
        Matcher op = OP.matcher(request);
        Matcher id = ID.matcher(request);
        String idMember = id.find() ? "\"id\":" + id.group(1) + "," : "";
        if (!op.find() || !op.group(1).equals("subscribe")) {
            ctx.writeAndFlush(
                    new TextWebSocketFrame(
                            "{\"type\":\"error\","
                                    + idMember
                                    + "\"code\":\"unknown_op\",\"message\":\"only subscribe\"}"));
            return;
        }
        List<String> subscribed = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Matcher streams = STREAMS.matcher(request);
        Matcher stream = STRING.matcher(streams.find() ? streams.group(1) : "");
        while (stream.find()) {
            String name = stream.group(1);
            if (subscribers.subscribe(ctx.channel(), name)) {
                subscribed.add("\"" + name + "\"");
            } else {
                rejected.add(
                        "{\"stream\":\""
                                + name
                                + "\",\"code\":\"unknown_stream\",\"message\":\"\"}");
            }
        }
        ctx.writeAndFlush(
                new TextWebSocketFrame(
                        "{\"type\":\"ack\","
                                + idMember
                                + "\"op\":\"subscribe\",\"subscribed\":["
                                + String.join(",", subscribed)
                                + "],\"rejected\":["
                                + String.join(",", rejected)
                                + "]}"));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        subscribers.remove(ctx.channel());
        ctx.fireChannelInactive();
    }

    /** A client that resets its connection is no news to a benchmark; it is simply gone. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
