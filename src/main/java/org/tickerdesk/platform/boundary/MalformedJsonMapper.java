package org.tickerdesk.platform.boundary;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tickerdesk.platform.control.ProblemException;

/**
 * JSON that some reader other than {@link JsonBodyReader} could not parse is still the caller's
 * mistake: 400 {@code bad_request}, not 500. Parsson's message may quote the body, so it is left
 * out.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException e) {
        return Problems.response(ProblemException.badRequest("The body is not valid JSON"));
    }
}
