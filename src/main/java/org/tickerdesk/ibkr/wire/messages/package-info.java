/**
 * What TWS sends, one record per message ({@code IncomingMessage}), and the values inside them (the
 * contract as IB spells it, security types, errors): here the messages every concern shares (the
 * session's, errors, contracts, news), and in {@code ticks}, {@code orders}, {@code account} and
 * {@code history} those of one concern. A vocabulary: no logic beyond each value's invariants and
 * IB's error classification, and no dependency on the rest of ibkr; the sub-packages depend on this
 * one, never the other way round.
 */
package org.tickerdesk.ibkr.wire.messages;
