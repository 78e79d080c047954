package org.tickerdesk.ibkr.wire;

/**
 * One framed message could not be decoded (missing field, non-numeric number). The frame boundary
 * is still known, so the reader skips this message and carries on.
 */
public class MalformedMessageException extends Exception {

    public MalformedMessageException(String message) {
        super(message);
    }
}
