/**
 * What TWS sends, one record per message ({@code IncomingMessage}), and the values inside them (the
 * contract as IB spells it, security types, market-data kinds). A vocabulary: no logic beyond each
 * value's invariants and IB's error classification, and no dependency on the rest of ibkr.
 */
package org.tickerdesk.ibkr.wire.messages;
