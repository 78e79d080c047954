package org.tickerdesk.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not JSON is the caller's mistake: 400 saying where it broke, not 500. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(
                        Json.createObjectBuilder()
                                .add("code", "bad_request")
                                .add("message", "The body is not valid JSON: " + e.getMessage())
                                .build()
                                .toString())
                .build();
    }
}
