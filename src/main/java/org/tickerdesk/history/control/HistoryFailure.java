package org.tickerdesk.history.control;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A history request that cannot be served, with its kind and a message for the user; for an invalid
 * request, every reason at once. The kinds let a caller decide: the REST API answers with a status,
 * the collection job retries what timed out and skips what cannot succeed.
 */
@ApplicationException(rollback = true)
public class HistoryFailure extends RuntimeException {

    public enum Kind {
        /** The request is not valid as given. */
        INVALID_REQUEST,
        /** No instrument has that symbol. */
        UNKNOWN_INSTRUMENT,
        /** No history source is configured here. */
        NO_SOURCE,
        /** The source knows no such contract. */
        NO_SUCH_CONTRACT,
        /** The source refused the request (no permission, a lookback it does not serve, ...). */
        REFUSED,
        /** The source sent bars that cannot be; none of the window is stored. */
        CORRUPT_DATA,
        /** The source did not answer in time: not connected, held back by pacing, or silent. */
        TIMED_OUT
    }

    private final Kind kind;
    private final transient List<String> reasons;

    public HistoryFailure(Kind kind, String message) {
        this(kind, message, List.of(message));
    }

    private HistoryFailure(Kind kind, String message, List<String> reasons) {
        super(message);
        this.kind = kind;
        this.reasons = List.copyOf(reasons);
    }

    public static HistoryFailure invalid(List<String> reasons) {
        return new HistoryFailure(Kind.INVALID_REQUEST, String.join("; ", reasons), reasons);
    }

    public static HistoryFailure unknownInstrument(String symbol) {
        return new HistoryFailure(
                Kind.UNKNOWN_INSTRUMENT,
                symbol
                        + " is not an instrument Tickerdesk knows;"
                        + " add it first (POST /api/instruments)");
    }

    public Kind kind() {
        return kind;
    }

    public List<String> reasons() {
        return reasons;
    }
}
