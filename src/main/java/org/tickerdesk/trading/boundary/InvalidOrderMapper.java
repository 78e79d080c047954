package org.tickerdesk.trading.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tickerdesk.trading.control.InvalidOrder;

/** A malformed order request is the caller's to fix: 400 with the reason; nothing was stored. */
@Provider
public class InvalidOrderMapper implements ExceptionMapper<InvalidOrder> {

    @Override
    public Response toResponse(InvalidOrder e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(
                        Json.createObjectBuilder()
                                .add("code", "invalid_order")
                                .add("message", e.getMessage())
                                .build()
                                .toString())
                .build();
    }
}
