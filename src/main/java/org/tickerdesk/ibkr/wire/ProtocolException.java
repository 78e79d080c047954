package org.tickerdesk.ibkr.wire;

/**
 * The byte stream from TWS can no longer be trusted (a length prefix out of range, a handshake that
 * makes no sense): the connection must be dropped and made anew.
 */
public class ProtocolException extends Exception {

    public ProtocolException(String message) {
        super(message);
    }
}
