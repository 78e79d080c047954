package org.tickerdesk.streaming.control;

/**
 * How the messages of one concrete stream reach one client: every one at once, or, with a {@code
 * maxRate}, conflated ({@link Conflation}).
 */
interface Delivery {

    /** A data message of the stream, offered in offset order. */
    void offer(String message);

    /** The client no longer gets the stream this way: nothing more is sent. */
    void stop();

    /** As the subscription asks: conflated to its {@code maxRate} if it gives one. */
    static Delivery asAsked(ClientConnection client, Subscription how, StreamContext context) {
        return how.maxRate() != null
                ? new Conflation(client, how.maxRate(), context.clock(), context.scheduler())
                : every(client);
    }

    static Delivery every(ClientConnection client) {
        return new Delivery() {
            @Override
            public void offer(String message) {
                client.send(message);
            }

            @Override
            public void stop() {}
        };
    }
}
