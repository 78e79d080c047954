package org.tickerdesk.ibkr.wire.messages;

/** A decoded message from TWS, handed by the connection's reader thread to its listener. */
public interface IncomingMessage {}
