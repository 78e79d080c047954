package org.tickerdesk.trading.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.trading.control.InvalidOrder;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.control.OrderInput;

/**
 * Orders over HTTP: place, list, read one with its fills, cancel. Orders go to the configured
 * broker, the paper broker unless {@code TICKERDESK_TRADING=ibkr}.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    static final int DEFAULT_LIMIT = 50;
    private static final List<String> FIELDS =
            List.of(
                    "clientOrderId",
                    "symbol",
                    "side",
                    "quantity",
                    "type",
                    "limitPrice",
                    "stopPrice",
                    "tif");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    @Inject OrderDesk desk;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Place an order",
            description =
                    "Body: symbol (a known instrument), side (BUY|SELL), quantity (whole, above"
                        + " zero), type (MKT|LMT|STP|STP_LMT), limitPrice (LMT, STP_LMT), stopPrice"
                        + " (STP, STP_LMT), tif (DAY|GTC, default DAY), clientOrderId (optional:"
                        + " 1-64 of A-Z a-z 0-9 . _ : -; the same id again returns the existing"
                        + " order and places nothing). Prices must be multiples of the tick size.")
    @APIResponse(
            responseCode = "201",
            description = "Stored and sent; the body shows the broker's immediate answer")
    @APIResponse(
            responseCode = "200",
            description = "The clientOrderId names an existing, identical order")
    @APIResponse(
            responseCode = "400",
            description = "Invalid order (code invalid_order); nothing stored")
    @APIResponse(
            responseCode = "409",
            description = "The clientOrderId names a different order (code order_refused)")
    public Response place(JsonObject body, @Context UriInfo uri) {
        OrderDesk.Placement placement = desk.place(input(body));
        OrderView view = OrderView.of(placement.order());
        if (!placement.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.clientOrderId()).build())
                .entity(view)
                .build();
    }

    @GET
    @Operation(
            summary = "Recent orders, newest first, without fills",
            description =
                    "limit: how many, 1 to "
                            + OrderDesk.MAX_LIST
                            + ", default "
                            + DEFAULT_LIMIT
                            + ".")
    @APIResponse(responseCode = "200", description = "The orders")
    @APIResponse(
            responseCode = "400",
            description = "limit is not a number from 1 to " + OrderDesk.MAX_LIST)
    public List<OrderView> recent(@QueryParam("limit") String limit) {
        return desk.recent(limit(limit)).stream().map(OrderView::of).toList();
    }

    @GET
    @Path("{clientOrderId}")
    @Operation(summary = "One order with its fills and commission")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "No such order")
    public OrderView one(@PathParam("clientOrderId") String clientOrderId) {
        return desk.find(clientOrderId)
                .map(OrderView::of)
                .orElseThrow(() -> new NotFoundException("No order " + clientOrderId));
    }

    @DELETE
    @Path("{clientOrderId}")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Cancel a working order",
            description =
                    "The answer shows the order after the request: CANCELLED (paper), or"
                            + " PENDING_CANCEL until IBKR confirms.")
    @APIResponse(
            responseCode = "200",
            description = "Cancel requested or done; the order as it stands")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(
            responseCode = "409",
            description =
                    "The order is final, or the broker cannot cancel now" + " (code order_refused)")
    public OrderView cancel(@PathParam("clientOrderId") String clientOrderId) {
        return desk.cancel(clientOrderId)
                .map(OrderView::of)
                .orElseThrow(() -> new NotFoundException("No order " + clientOrderId));
    }

    /**
     * The body's fields as typed; an unknown field is refused, as it is most likely a misspelt one.
     */
    static OrderInput input(JsonObject order) {
        if (order == null) {
            throw new InvalidOrder(
                    "The body must be a JSON object with the fields " + String.join(", ", FIELDS));
        }
        for (String field : order.keySet()) {
            if (!KNOWN.contains(field)) {
                throw new InvalidOrder(
                        "Unknown field '" + field + "'; an order has " + String.join(", ", FIELDS));
            }
        }
        return new OrderInput(
                text(order, "clientOrderId"),
                text(order, "symbol"),
                text(order, "side"),
                text(order, "quantity"),
                text(order, "type"),
                text(order, "limitPrice"),
                text(order, "stopPrice"),
                text(order, "tif"));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidOrder(
                    "limit must be a number from 1 to "
                            + OrderDesk.MAX_LIST
                            + ", not '"
                            + value
                            + "'");
        }
    }

    private static String text(JsonObject body, String field) {
        return JsonFields.text(body, field, InvalidOrder::new);
    }
}
