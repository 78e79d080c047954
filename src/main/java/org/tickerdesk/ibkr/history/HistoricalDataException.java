package org.tickerdesk.ibkr.history;

import org.tickerdesk.ibkr.wire.messages.TwsError;

/**
 * A historical request failed for good: IB refused it (no such contract, no permission, an invalid
 * request), or what IB sent for it could not be read, in which case there is no {@link #error()}.
 */
public final class HistoricalDataException extends Exception {

    private final transient TwsError error;

    public HistoricalDataException(String message, TwsError error) {
        super(message);
        this.error = error;
    }

    public HistoricalDataException(String message) {
        this(message, null);
    }

    /** IB's error, with its code and text; null when the failure is data that could not be read. */
    public TwsError error() {
        return error;
    }
}
