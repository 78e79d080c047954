package org.tickerdesk.instruments.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tickerdesk.instruments.control.InvalidInstrument;

/** A refused instrument request is the caller's to fix: 400 with the reason. */
@Provider
public class InvalidInstrumentMapper implements ExceptionMapper<InvalidInstrument> {

    @Override
    public Response toResponse(InvalidInstrument e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(
                        Json.createObjectBuilder()
                                .add("code", "invalid_instrument")
                                .add("message", e.getMessage())
                                .build()
                                .toString())
                .build();
    }
}
