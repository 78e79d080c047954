package org.tickerdesk.ibkr.wire.messages;

import java.util.Objects;

/**
 * An IB news bulletin: type 1 regular, 2 exchange no longer available, 3 exchange available again.
 */
public record NewsBulletin(int msgId, int msgType, String message, String originExchange)
        implements IncomingMessage {

    public NewsBulletin {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(originExchange, "originExchange");
    }
}
