package org.tickerdesk.streaming.control;

import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.tickerdesk.streaming.entity.Closing;
import org.tickerdesk.streaming.entity.ErrorCode;
import org.tickerdesk.streaming.entity.Op;
import org.tickerdesk.streaming.entity.ProtocolViolationException;
import org.tickerdesk.streaming.entity.Rejection;
import org.tickerdesk.streaming.entity.Request;
import org.tickerdesk.streaming.entity.RequestRate;
import org.tickerdesk.streaming.entity.StreamName;

/**
 * Answers a client's requests: decides which of the streams it asks for it may have, replies, and
 * changes its subscriptions in the {@link Fanout}. A request that cannot be served is answered with
 * an {@code error}; a stream that cannot be served is listed as rejected in the ack. A request over
 * the size limit, and a client that goes on sending over its rate, are answered and then closed.
 */
final class Protocol {

    private final Fanout fanout;
    private final Predicate<String> watched;
    private final int maxStreams;
    private final String overRate;
    private final Clock clock;

    Protocol(
            Fanout fanout,
            Predicate<String> watched,
            int maxStreams,
            RequestRate rate,
            Clock clock) {
        this.fanout = Objects.requireNonNull(fanout, "fanout");
        this.watched = Objects.requireNonNull(watched, "watched");
        this.maxStreams = maxStreams;
        this.overRate =
                "A connection may send "
                        + rate.perSecond()
                        + " requests a second, "
                        + rate.burst()
                        + " at once after a pause";
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One part of a text message, as the container hands it over; the last one completes it. */
    void receive(ClientConnection client, String part, boolean last) {
        if (!client.isServed()) {
            if (last) {
                client.endOfMessage();
            }
            return;
        }
        try {
            client.assemble(part, last).ifPresent(text -> serveWithinRate(client, text));
        } catch (ProtocolViolationException tooLarge) {
            client.closeAfterMessage(
                    Replies.error(null, tooLarge.code(), tooLarge.getMessage()),
                    Closing.FRAME_TOO_LARGE,
                    last);
        }
    }

    void receiveBinary(ClientConnection client) {
        if (!client.isServed()) {
            return;
        }
        RequestThrottle.Admission admission = client.admitRequest();
        if (admission != RequestThrottle.Admission.SERVED) {
            refuseOverRate(client, null, admission);
            return;
        }
        client.send(
                Replies.error(
                        null,
                        ErrorCode.BAD_REQUEST,
                        "Send requests as JSON in text frames, not binary ones"));
    }

    private void serveWithinRate(ClientConnection client, String text) {
        RequestThrottle.Admission admission = client.admitRequest();
        if (admission == RequestThrottle.Admission.SERVED) {
            serve(client, text);
        } else {
            refuseOverRate(client, RequestReader.idOf(text), admission);
        }
    }

    private void serve(ClientConnection client, String text) {
        try {
            Request request = RequestReader.read(text);
            switch (request.op()) {
                case SUBSCRIBE -> subscribe(client, request);
                case UNSUBSCRIBE -> unsubscribe(client, request);
                case LIST_SUBSCRIPTIONS ->
                        client.send(Replies.subscriptions(request.id(), client.subscriptions()));
                case PING -> client.send(Replies.pong(request.id(), clock.instant()));
            }
        } catch (ProtocolViolationException e) {
            client.send(Replies.error(e.id(), e.code(), e.getMessage()));
        }
    }

    private void refuseOverRate(
            ClientConnection client, JsonValue id, RequestThrottle.Admission admission) {
        if (admission == RequestThrottle.Admission.CUT_OFF) {
            client.closeAfter(
                    Replies.error(
                            id,
                            ErrorCode.RATE_LIMITED,
                            overRate
                                    + "; "
                                    + RequestThrottle.MAX_REFUSED_IN_A_ROW
                                    + " requests in a row came over that, so the connection is"
                                    + " closed"),
                    Closing.RATE_LIMITED);
        } else {
            client.send(
                    Replies.error(
                            id,
                            ErrorCode.RATE_LIMITED,
                            overRate + "; this request was over that and is not served"));
        }
    }

    /** Refused whole, before any work: its ack alone would be as long as the request. */
    private void requireFewEnoughStreams(Request request) {
        if (request.streams().size() > maxStreams) {
            throw new ProtocolViolationException(
                    ErrorCode.TOO_MANY_STREAMS,
                    "A request may name at most "
                            + maxStreams
                            + " streams; this one names "
                            + request.streams().size(),
                    request.id());
        }
    }

    /**
     * Acks first, then registers: the client sees the ack before any snapshot or data of the new
     * streams.
     */
    private void subscribe(ClientConnection client, Request request) {
        requireFewEnoughStreams(request);
        requireResumedStreamsSubscribed(request);
        List<String> subscribed = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        List<StreamName> added = new ArrayList<>();
        for (String text : new LinkedHashSet<>(request.streams())) {
            try {
                StreamName name = admit(client, text);
                if (!client.isSubscribed(text)) {
                    if (client.subscriptionCount() + added.size() >= maxStreams) {
                        throw new ProtocolViolationException(
                                ErrorCode.TOO_MANY_STREAMS,
                                "A connection may subscribe to at most " + maxStreams + " streams");
                    }
                    added.add(name);
                }
                subscribed.add(text);
            } catch (ProtocolViolationException e) {
                rejected.add(new Rejection(text, e.code(), e.getMessage()));
            }
        }
        client.send(Replies.ack(Op.SUBSCRIBE, request.id(), "subscribed", subscribed, rejected));
        Subscription how = new Subscription(request.snapshot(), request.maxRate(), request.since());
        for (StreamName name : added) {
            client.add(name.text());
            fanout.subscribe(client, name, how);
        }
    }

    /**
     * A position in {@code since} is for a concrete stream the same request subscribes to, by name
     * or through its kind's wildcard: one for any other stream would be ignored without a word.
     */
    private void requireResumedStreamsSubscribed(Request request) {
        for (String stream : request.since().keySet()) {
            StreamName name;
            try {
                name = StreamName.parse(stream);
            } catch (ProtocolViolationException e) {
                throw new ProtocolViolationException(
                        ErrorCode.BAD_REQUEST, "since: " + e.getMessage(), request.id());
            }
            StreamFamily<?> family = fanout.family(name.kind());
            boolean wildcard = family != null && family.fansIn() && name.everySymbol();
            boolean covered =
                    request.streams().contains(stream)
                            || (family != null
                                    && family.fansIn()
                                    && request.streams()
                                            .contains(
                                                    StreamName.of(
                                                            name.kind(), StreamName.EVERY_SYMBOL)));
            if (wildcard || !covered) {
                throw new ProtocolViolationException(
                        ErrorCode.BAD_REQUEST,
                        "since names "
                                + stream
                                + (wildcard
                                        ? ", which is not one stream: give the position of each"
                                                + " concrete stream, such as "
                                                + StreamName.of(name.kind(), "AAPL")
                                        : ", which this request does not subscribe to"),
                        request.id());
            }
        }
    }

    /**
     * Whether the client may have the stream: a served kind, a symbol on the watchlist, and for a
     * private stream an authenticated connection.
     */
    private StreamName admit(ClientConnection client, String text) {
        StreamName name = StreamName.parse(text);
        if (Fanout.servesPrivate(name.kind())) {
            if (!client.isAuthenticated()) {
                throw new ProtocolViolationException(
                        ErrorCode.UNAUTHORIZED,
                        text
                                + " is private: connect with Authorization: Bearer <token>, or"
                                + " from a page of the signed-in admin");
            }
            return name;
        }
        if (fanout.family(name.kind()) == null) {
            throw new ProtocolViolationException(
                    ErrorCode.UNKNOWN_STREAM,
                    text + " is not available yet: only " + fanout.served() + " are");
        }
        fanout.check(name);
        if (!name.everySymbol() && !watched.test(name.symbol())) {
            throw new ProtocolViolationException(
                    ErrorCode.UNKNOWN_STREAM, name.symbol() + " is not on the watchlist");
        }
        return name;
    }

    /** Unsubscribing from a stream one does not have is harmless: it is listed as unsubscribed. */
    private void unsubscribe(ClientConnection client, Request request) {
        requireFewEnoughStreams(request);
        List<String> unsubscribed = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (String text : new LinkedHashSet<>(request.streams())) {
            try {
                StreamName name = StreamName.parse(text);
                if (client.remove(text)) {
                    fanout.unsubscribe(client, name);
                }
                unsubscribed.add(text);
            } catch (ProtocolViolationException e) {
                rejected.add(new Rejection(text, e.code(), e.getMessage()));
            }
        }
        client.send(
                Replies.ack(Op.UNSUBSCRIBE, request.id(), "unsubscribed", unsubscribed, rejected));
    }
}
