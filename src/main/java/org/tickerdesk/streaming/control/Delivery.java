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
