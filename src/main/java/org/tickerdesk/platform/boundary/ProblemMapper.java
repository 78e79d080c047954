package org.tickerdesk.platform.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tickerdesk.platform.control.ProblemException;

/**
 * Every component's refusal (invalid input, unknown resource, conflict, the broker's failures) as
 * its problem document. Nothing is logged: these are answers, not failures of the server.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException problem) {
        return Problems.response(problem);
    }
}
