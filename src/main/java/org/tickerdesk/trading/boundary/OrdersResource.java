package org.tickerdesk.trading.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.trading.control.EntryGate;
import org.tickerdesk.trading.control.InvalidOrderException;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.control.OrderInput;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.OrderTicket;

/**
 * Orders over HTTP: place, list, read one with its fills, cancel. Orders go to the configured
 * broker, the paper broker unless {@code TICKERDESK_TRADING=ibkr}.
 */
@Path("v1/orders")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    static final int DEFAULT_LIMIT = 50;
    static final List<String> FIELDS =
            List.of(
                    "clientOrderId",
                    "symbol",
                    "side",
                    "quantity",
                    "type",
                    "limitPrice",
                    "stopPrice",
                    "tif");

    static final String EXAMPLE =
            "{\"clientOrderId\":\"my-1\",\"broker\":\"paper\",\"symbol\":\"AAPL\",\"side\":\"BUY\","
                + "\"quantity\":100,\"type\":\"LMT\",\"limitPrice\":189.5,\"tif\":\"GTC\","
                + "\"status\":\"SUBMITTED\",\"filledQuantity\":0,"
                + "\"createdAt\":\"2025-11-20T14:30:00Z\",\"updatedAt\":\"2025-11-20T14:30:00Z\"}";

    @Inject OrderDesk desk;

    @Inject EntryGate entries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Place an order",
            description =
                    "symbol (a known instrument), side (BUY|SELL), quantity (whole, 1 to"
                        + " 1000000000), type (MKT|LMT|STP|STP_LMT), limitPrice (LMT, STP_LMT),"
                        + " stopPrice (STP, STP_LMT), tif (DAY|GTC, default DAY), clientOrderId"
                        + " (optional: 1-64 of A-Z a-z 0-9 . _ : -; the same id again returns the"
                        + " existing order and places nothing). Prices are above zero, at most"
                        + " 10000000000, and multiples of the tick size.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewOrder"),
                            examples =
                                    @ExampleObject(
                                            name = "limit buy",
                                            value =
                                                    "{\"symbol\":\"AAPL\",\"side\":\"BUY\","
                                                        + "\"quantity\":100,\"type\":\"LMT\","
                                                        + "\"limitPrice\":189.50,\"tif\":\"GTC\","
                                                        + "\"clientOrderId\":\"my-1\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Stored and sent; the body shows the broker's immediate answer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "OrderView"),
                            examples = @ExampleObject(name = "limit buy", value = EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "The clientOrderId names an existing, identical order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "OrderView"),
                            examples = @ExampleObject(name = "limit buy", value = EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid order, nothing stored (code invalid_order)")
    @APIResponse(
            responseCode = "409",
            description =
                    "The clientOrderId names a different order (code order_refused), or the"
                            + " instrument is resolved and nothing in it is held (code"
                            + " instrument_resolved)")
    public Response place(JsonObject body, @Context UriInfo uri) {
        OrderInput input = input(body);
        entries.order(input.symbol());
        OrderDesk.Placement placement = desk.place(input);
        OrderView view = OrderView.of(placement.order());
        if (!placement.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(view.clientOrderId()).build())
                .entity(view)
                .build();
    }

    @GET
    @Operation(summary = "Recent orders, newest first, without fills")
    @APIResponse(
            responseCode = "200",
            description = "The orders",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "OrderViews"),
                            examples = @ExampleObject(name = "one", value = "[" + EXAMPLE + "]")))
    @APIResponse(
            responseCode = "400",
            description = "limit is not a number from 1 to 500 (code invalid_order)")
    public List<OrderView> recent(
            @Parameter(description = "How many, 1 to 500, default 50", example = "50")
                    @QueryParam("limit")
                    String limit) {
        return desk.recent(limit(limit)).stream().map(OrderView::of).toList();
    }

    @GET
    @Path("{clientOrderId}")
    @Operation(summary = "One order with its fills and commission")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "OrderView"),
                            examples = @ExampleObject(name = "limit buy", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such order (code unknown_order)")
    public OrderView one(
            @Parameter(description = "The client order id", example = "my-1")
                    @PathParam("clientOrderId")
                    String clientOrderId) {
        return known(clientOrderId, desk::find)
                .map(OrderView::of)
                .orElseThrow(() -> unknown(clientOrderId));
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
            description = "Cancel requested or done; the order as it stands",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "OrderView"),
                            examples = @ExampleObject(name = "limit buy", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such order (code unknown_order)")
    @APIResponse(
            responseCode = "409",
            description =
                    "The order is final, or the broker cannot cancel now (code order_refused)")
    public OrderView cancel(
            @Parameter(description = "The client order id", example = "my-1")
                    @PathParam("clientOrderId")
                    String clientOrderId) {
        return known(clientOrderId, desk::cancel)
                .map(OrderView::of)
                .orElseThrow(() -> unknown(clientOrderId));
    }

    /** The body's fields by their types; an unknown field is refused, as most likely misspelt. */
    static OrderInput input(JsonObject order) {
        JsonFields fields =
                JsonFields.of(
                                order,
                                "The body must be a JSON object with the fields "
                                        + String.join(", ", FIELDS),
                                InvalidOrderException::new)
                        .only(
                                FIELDS,
                                field ->
                                        "Unknown field '"
                                                + field
                                                + "'; an order has "
                                                + String.join(", ", FIELDS));
        OrderInput input =
                new OrderInput(
                        fields.text("clientOrderId"),
                        fields.text("symbol"),
                        fields.text("side"),
                        fields.number("quantity"),
                        fields.text("type"),
                        fields.number("limitPrice"),
                        fields.number("stopPrice"),
                        fields.text("tif"));
        fields.refuseIfAnyError();
        return input;
    }

    /** An id that cannot be a client order id names no order; the database is not asked. */
    private static Optional<OrderSnapshot> known(
            String clientOrderId, Function<String, Optional<OrderSnapshot>> lookUp) {
        return OrderTicket.CLIENT_ORDER_ID.matcher(clientOrderId).matches()
                ? lookUp.apply(clientOrderId)
                : Optional.empty();
    }

    private static ProblemException unknown(String clientOrderId) {
        return new ProblemException(
                404, "unknown_order", "Unknown order", "No order " + clientOrderId + " is known");
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidOrderException(
                    "limit",
                    "limit must be a number from 1 to "
                            + OrderDesk.MAX_LIST
                            + ", not '"
                            + value
                            + "'");
        }
    }
}
