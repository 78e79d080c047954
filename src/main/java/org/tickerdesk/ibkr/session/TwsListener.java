package org.tickerdesk.ibkr.session;

import org.tickerdesk.ibkr.wire.messages.IncomingMessage;

/**
 * Receives what a {@link TwsConnection} reads. Called on the connection's reader thread: return
 * quickly and hand work elsewhere, or the reader falls behind TWS.
 */
public interface TwsListener {

    void onMessage(IncomingMessage message);

    /**
     * The connection is gone (EOF, I/O error, broken framing or close); called once per connection.
     */
    void onDisconnected(String reason);
}
