package org.tickerdesk.trading.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tickerdesk.trading.control.OrderRefused;

/** A request the order's or the broker's present state does not allow: 409 with the reason. */
@Provider
public class OrderRefusedMapper implements ExceptionMapper<OrderRefused> {

    @Override
    public Response toResponse(OrderRefused e) {
        return Response.status(Response.Status.CONFLICT)
                .type(MediaType.APPLICATION_JSON)
                .entity(
                        Json.createObjectBuilder()
                                .add("code", "order_refused")
                                .add("message", e.getMessage())
                                .build()
                                .toString())
                .build();
    }
}
