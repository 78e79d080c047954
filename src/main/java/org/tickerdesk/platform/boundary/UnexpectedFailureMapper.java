package org.tickerdesk.platform.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.platform.control.ProblemException;

/**
 * Anything no other mapper answers is a bug of Tickerdesk, not the caller's mistake: 500 {@code
 * internal_error}, logged once with its stack trace under an id the answer repeats, so a report
 * from a caller can be matched to the log. The answer says nothing of the cause.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context UriInfo uri;

    @Context Request request;

    @Override
    public Response toResponse(Throwable failure) {
        String id = UUID.randomUUID().toString();
        LOG.log(
                Level.SEVERE,
                "Failure "
                        + id
                        + " answering "
                        + (request == null ? "" : request.getMethod() + " ")
                        + (uri == null ? "" : uri.getRequestUri().getRawPath()),
                failure);
        return Problems.response(
                new ProblemException(
                        500,
                        "internal_error",
                        "Internal server error",
                        "The server failed to answer; the log names this failure " + id));
    }
}
