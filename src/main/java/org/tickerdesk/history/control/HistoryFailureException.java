package org.tickerdesk.history.control;

import java.util.List;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * A history request that cannot be served, with its kind and a message for the user; for an invalid
 * request, every field at fault at once. The kinds let a caller decide: the REST API answers with
 * the kind's status and code, the collection job retries what timed out and skips what cannot
 * succeed. The caller's mistakes are 4xx (400 invalid request, 404 unknown instrument, 409 no
 * history source configured, 422 the source refused or knows no such contract), the source's are
 * 5xx (502 corrupt data, 503 unavailable for now, 504 no answer in time).
 */
public class HistoryFailureException extends ProblemException {

    public enum Kind {
        /** The request is not valid as given. */
        INVALID_REQUEST(400, "invalid_history_request", "Invalid history request"),
        /** No instrument has that symbol. */
        UNKNOWN_INSTRUMENT(404, "unknown_instrument", "Unknown instrument"),
        /** No history source is configured here. */
        NO_SOURCE(409, "no_history_source", "No history source"),
        /** The source knows no such contract. */
        NO_SUCH_CONTRACT(422, "no_such_contract", "No such contract"),
        /** The source refused the request (no permission, a lookback it does not serve, ...). */
        REFUSED(422, "refused_by_source", "Refused by the source"),
        /** The source sent bars that cannot be; none of the window is stored. */
        CORRUPT_DATA(502, "corrupt_data", "Corrupt data from the source"),
        /** The source did not answer in time: not connected, held back by pacing, or silent. */
        TIMED_OUT(504, "source_timeout", "The source did not answer in time"),
        /** The source cannot serve now: connection lost, rate limited, HTTP 5xx. */
        UNAVAILABLE(503, "source_unavailable", "The source is unavailable");

        private final int status;
        private final String code;
        private final String title;

        Kind(int status, String code, String title) {
            this.status = status;
            this.code = code;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        /** Whether asking again later may succeed, so that the collection job retries it. */
        public boolean isTransient() {
            return this == TIMED_OUT || this == UNAVAILABLE;
        }
    }

    private final Kind kind;

    public HistoryFailureException(Kind kind, String message) {
        super(kind.status, kind.code, kind.title, message);
        this.kind = kind;
    }

    private HistoryFailureException(List<FieldError> errors) {
        super(
                Kind.INVALID_REQUEST.status,
                Kind.INVALID_REQUEST.code,
                Kind.INVALID_REQUEST.title,
                errors);
        this.kind = Kind.INVALID_REQUEST;
    }

    public static HistoryFailureException invalid(List<FieldError> errors) {
        return new HistoryFailureException(errors);
    }

    public static HistoryFailureException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static HistoryFailureException unknownInstrument(String symbol) {
        return new HistoryFailureException(
                Kind.UNKNOWN_INSTRUMENT,
                symbol
                        + " is not an instrument Tickerdesk knows;"
                        + " add it first (POST /api/v1/instruments)");
    }

    public Kind kind() {
        return kind;
    }

    /** Every reason the request was refused: each field's message, or the one message. */
    public List<String> reasons() {
        return errors().isEmpty()
                ? List.of(getMessage())
                : errors().stream().map(FieldError::message).toList();
    }
}
