/**
 * The TWS API's wire format: length-prefixed frames, field reading and writing, message ids, server
 * versions, and the decoding of every message this client handles, by negotiated version, into
 * {@code wire.messages}. Knows nothing of sessions, threads or Tickerdesk's components; its errors
 * are {@code ProtocolException} and {@code MalformedMessageException}.
 */
package org.tickerdesk.ibkr.wire;
