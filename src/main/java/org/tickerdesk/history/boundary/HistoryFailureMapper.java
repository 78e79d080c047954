package org.tickerdesk.history.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tickerdesk.history.control.HistoryFailure;

/**
 * A history failure as HTTP: the caller's mistakes are 4xx (400 invalid request, 404 unknown
 * instrument, 409 no history source configured, 422 IB refused or knows no such contract), IB's are
 * 5xx (502 corrupt data, 504 no answer in time). The body names a stable code, the message and, for
 * an invalid request, every reason.
 */
@Provider
public class HistoryFailureMapper implements ExceptionMapper<HistoryFailure> {

    @Override
    public Response toResponse(HistoryFailure e) {
        return Response.status(status(e.kind()))
                .type(MediaType.APPLICATION_JSON)
                .entity(HistoryJson.failure(code(e.kind()), e).toString())
                .build();
    }

    static int status(HistoryFailure.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> 400;
            case UNKNOWN_INSTRUMENT -> 404;
            case NO_SOURCE -> 409;
            case NO_SUCH_CONTRACT, REFUSED -> 422;
            case CORRUPT_DATA -> 502;
            case TIMED_OUT -> 504;
        };
    }

    static String code(HistoryFailure.Kind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> "invalid_history_request";
            case UNKNOWN_INSTRUMENT -> "unknown_instrument";
            case NO_SOURCE -> "no_history_source";
            case NO_SUCH_CONTRACT -> "no_such_contract";
            case REFUSED -> "refused_by_source";
            case CORRUPT_DATA -> "corrupt_data";
            case TIMED_OUT -> "source_timeout";
        };
    }
}
