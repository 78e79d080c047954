package org.tickerdesk.streaming.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.tickerdesk.streaming.entity.StreamKind;
import org.tickerdesk.streaming.entity.StreamName;

/**
 * The concrete streams of one kind, such as every {@code quotes:SYM}, made when first needed, and
 * the clients of its wildcard: with a fan-in wildcard ({@code quotes:*}) a client is a subscriber
 * of every stream of the kind, also those that appear later; a stream it also subscribed to by name
 * is delivered to it once, as the named subscription asked. A kind without one ({@code news}) has
 * {@code news:*} as a stream of its own. Adding a kind of stream takes its {@link StreamFrames} and
 * one such family.
 */
final class StreamFamily<V> {

    /**
     * @param fanIn whether {@code kind:*} stands for every stream of the kind
     * @param conflatable whether a newer value replaces an older one, so that {@code maxRate} may
     *     skip values; news is not, every item matters
     * @param stored the values to snapshot a stream by, by name, while it has published none
     */
    record Traits<V>(
            StreamKind kind,
            DataStream.Shape<V> shape,
            boolean fanIn,
            boolean conflatable,
            Function<String, List<V>> stored) {}

    private final Traits<V> traits;
    private final StreamContext context;
    private final ConcurrentMap<String, DataStream<V>> streams = new ConcurrentHashMap<>();
    private final Map<ClientConnection, Subscription> everyStream = new ConcurrentHashMap<>();

    /** Held while a stream is made or the wildcard changes, so no new stream misses its client. */
    private final Object wildcardLock = new Object();

    StreamFamily(Traits<V> traits, StreamContext context) {
        this.traits = traits;
        this.context = context;
    }

    StreamKind kind() {
        return traits.kind();
    }

    /** Whether {@code kind:*} is a wildcard over the concrete streams rather than a stream. */
    boolean fansIn() {
        return traits.fanIn();
    }

    /** Whether the stream name is of this family's kind. */
    boolean owns(String stream) {
        return stream.startsWith(traits.kind().wire() + ":");
    }

    void publish(String stream, V value) {
        stream(stream).publish(value);
    }

    /** Publishes a value numbered from outside; see {@link DataStream}. */
    void publish(String stream, V value, long term, String epoch, long offset) {
        stream(stream).publish(value, term, epoch, offset);
    }

    void subscribe(ClientConnection client, StreamName name, Subscription how) {
        if (traits.fanIn() && name.everySymbol()) {
            synchronized (wildcardLock) {
                everyStream.put(client, how.later());
                how.since().keySet().stream().filter(this::owns).forEach(this::stream);
                for (DataStream<V> stream : streams.values()) {
                    if (!client.isSubscribed(stream.name())) {
                        join(stream, client, how, false);
                    }
                }
            }
            return;
        }
        join(stream(name.text()), client, how, true);
    }

    private void join(
            DataStream<V> stream, ClientConnection client, Subscription how, boolean byName) {
        boolean resumes = how.since().containsKey(stream.name());
        List<V> stored =
                byName && (how.snapshot() || resumes) && !stream.hasLatest()
                        ? traits.stored().apply(stream.name())
                        : List.of();
        stream.join(
                client,
                delivery(client, how),
                how.snapshot(),
                how.since().get(stream.name()),
                stored);
    }

    private Delivery delivery(ClientConnection client, Subscription how) {
        return traits.conflatable()
                ? Delivery.asAsked(client, how, context)
                : Delivery.every(client);
    }

    /** Removes a subscription; the client no longer lists it among its streams. */
    void unsubscribe(ClientConnection client, StreamName name) {
        if (traits.fanIn() && name.everySymbol()) {
            synchronized (wildcardLock) {
                everyStream.remove(client);
                for (DataStream<V> stream : streams.values()) {
                    if (!client.isSubscribed(stream.name())) {
                        stream.leave(client);
                    }
                }
            }
            return;
        }
        DataStream<V> stream = streams.get(name.text());
        if (stream == null) {
            return;
        }
        Subscription wildcard = everyStream.get(client);
        if (wildcard != null) {
            join(stream, client, wildcard, false);
        } else {
            stream.leave(client);
        }
    }

    /** Forgets a client that has gone. */
    void remove(ClientConnection client) {
        everyStream.remove(client);
        streams.values().forEach(stream -> stream.leave(client));
    }

    /** The stream's latest values are no longer offered as a snapshot (its symbol left). */
    void forget(String stream) {
        DataStream<V> known = streams.get(stream);
        if (known != null) {
            known.forget();
        }
    }

    void expireHistories() {
        streams.values().forEach(DataStream::expireHistory);
    }

    private DataStream<V> stream(String name) {
        DataStream<V> stream = streams.get(name);
        if (stream != null) {
            return stream;
        }
        synchronized (wildcardLock) {
            return streams.computeIfAbsent(
                    name,
                    n -> {
                        DataStream<V> made = new DataStream<>(n, traits.shape(), context);
                        everyStream.forEach((client, how) -> join(made, client, how, false));
                        return made;
                    });
        }
    }
}
