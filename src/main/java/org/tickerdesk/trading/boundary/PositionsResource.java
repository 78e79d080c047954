package org.tickerdesk.trading.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.trading.control.ExitEngine;
import org.tickerdesk.trading.control.InvalidPositionException;
import org.tickerdesk.trading.control.OrderDesk;
import org.tickerdesk.trading.control.PositionDetail;
import org.tickerdesk.trading.control.PositionStore;
import org.tickerdesk.trading.control.Positions;
import org.tickerdesk.trading.entity.ExitRecord;
import org.tickerdesk.trading.entity.HoldingComparison;
import org.tickerdesk.trading.entity.OrderSnapshot;
import org.tickerdesk.trading.entity.PositionSnapshot;
import org.tickerdesk.trading.entity.PositionState;

/**
 * Positions over HTTP: list and read them with their rules, triggers, orders and fills; open one
 * with a market order; change a position's exit rules; close it. Writes need an admin token.
 */
@Path("v1/positions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PositionsResource {

    static final int DEFAULT_LIMIT = 100;
    static final Set<String> FIELDS = Set.of("symbol", "side", "quantity", "rules");
    private static final JsonProvider JSON = JsonProvider.provider();

    /** An open long as a list shows it: bought 10 at the ask of 100.01 with a tick of slippage. */
    private static final String OPEN_FIELDS =
            "{\"id\":12,\"symbol\":\"AAPL\",\"account\":\"paper\",\"broker\":\"paper\","
                    + "\"origin\":\"ADMIN\",\"state\":\"OPEN\",\"side\":\"BUY\",\"quantity\":10,"
                    + "\"orderedQuantity\":10,\"averagePrice\":100.02,\"currentPrice\":101,"
                    + "\"unrealizedPnl\":9.8,\"realizedPnl\":0,\"fees\":0,\"stopLevel\":98.0196,"
                    + "\"targetLevel\":105.021,\"bestPrice\":100.02,\"rules\":"
                    + ExitDefaultsResource.RULES_EXAMPLE
                    + ",\"triggers\":[],\"entryOrderId\":\"e-5061dccb198a4b68bb3d\","
                    + "\"openedAt\":\"2025-11-20T14:30:00.156Z\","
                    + "\"createdAt\":\"2025-11-20T14:30:00.109Z\","
                    + "\"updatedAt\":\"2025-11-20T14:30:00.156Z\"";

    static final String OPEN_EXAMPLE = OPEN_FIELDS + "}";

    private static final String ENTRY_FILL =
            "{\"execId\":\"paper-92dc0a70-f90c-4ccf-aca8-bed99df1e111\",\"quantity\":10,"
                    + "\"price\":100.02,\"fee\":0,\"executedAt\":\"2025-11-20T14:30:00.156Z\"}";

    private static final String ENTRY_ORDER =
            "{\"clientOrderId\":\"e-5061dccb198a4b68bb3d\",\"side\":\"BUY\",\"quantity\":10,"
                    + "\"type\":\"MKT\",\"status\":\"FILLED\",\"filledQuantity\":10,"
                    + "\"avgFillPrice\":100.02,\"commission\":0,"
                    + "\"createdAt\":\"2025-11-20T14:30:00.140Z\"}";

    /** The same position with the fill and the order that opened it. */
    static final String DETAIL_EXAMPLE =
            OPEN_FIELDS + ",\"fills\":[" + ENTRY_FILL + "],\"orders\":[" + ENTRY_ORDER + "]}";

    /** Closed by its take-profit: sold at the bid of 105.02 less a tick, 0.02 below the last. */
    static final String CLOSED_EXAMPLE =
            "{\"id\":12,\"symbol\":\"AAPL\",\"account\":\"paper\",\"broker\":\"paper\","
                    + "\"origin\":\"ADMIN\",\"state\":\"CLOSED\",\"side\":\"BUY\",\"quantity\":0,"
                    + "\"orderedQuantity\":10,\"averagePrice\":100.02,\"unrealizedPnl\":0,"
                    + "\"realizedPnl\":49.9,\"fees\":0,\"bestPrice\":100.02,\"rules\":"
                    + ExitDefaultsResource.RULES_EXAMPLE
                    + ",\"triggers\":[{\"rule\":\"TAKE_PROFIT:1\",\"attempt\":1,"
                    + "\"clientOrderId\":\"x-12-TAKE_PROFIT.1-1\",\"state\":\"FILLED\","
                    + "\"quantity\":10,\"filledQuantity\":10,\"orderType\":\"MKT\","
                    + "\"triggerLevel\":105.021,\"triggerPrice\":105.03,"
                    + "\"tickAt\":\"2025-11-20T14:41:12.977Z\","
                    + "\"triggeredAt\":\"2025-11-20T14:41:12.979Z\","
                    + "\"sentAt\":\"2025-11-20T14:41:12.985Z\",\"tickToOrderMicros\":7969,"
                    + "\"fillPrice\":105.01,\"slippage\":0.02}],\"entryOrderId\":\"e-5061dccb198a4b68bb3d\",\"reason\":\"TAKE_PROFIT:1"
                    + " fired\",\"openedAt\":\"2025-11-20T14:30:00.156Z\","
                    + "\"closedAt\":\"2025-11-20T14:41:12.986Z\","
                    + "\"createdAt\":\"2025-11-20T14:30:00.109Z\","
                    + "\"updatedAt\":\"2025-11-20T14:41:12.986Z\",\"fills\":["
                    + ENTRY_FILL
                    + ",{\"execId\":\"paper-05167ce7-b375-4669-9a6d-3ead1f4705bc\",\"quantity\":-10,"
                    + "\"price\":105.01,\"fee\":0,\"executedAt\":\"2025-11-20T14:41:12.986Z\"}],"
                    + "\"orders\":["
                    + ENTRY_ORDER
                    + ",{\"clientOrderId\":\"x-12-TAKE_PROFIT.1-1\",\"side\":\"SELL\","
                    + "\"quantity\":10,\"type\":\"MKT\",\"status\":\"FILLED\",\"filledQuantity\":10,"
                    + "\"avgFillPrice\":105.01,\"commission\":0,"
                    + "\"createdAt\":\"2025-11-20T14:41:12.983Z\"}]}";

    /** Closed by hand at the last of 100: the exit order is sent, its fill not yet in. */
    static final String CLOSING_EXAMPLE =
            "{\"id\":12,\"symbol\":\"AAPL\",\"account\":\"paper\",\"broker\":\"paper\","
                    + "\"origin\":\"ADMIN\",\"state\":\"CLOSING\",\"side\":\"BUY\",\"quantity\":10,"
                    + "\"orderedQuantity\":10,\"averagePrice\":100.02,\"currentPrice\":100,"
                    + "\"unrealizedPnl\":-0.2,\"realizedPnl\":0,\"fees\":0,\"bestPrice\":100.02,"
                    + "\"rules\":"
                    + ExitDefaultsResource.RULES_EXAMPLE
                    + ",\"triggers\":[{\"rule\":\"MANUAL\",\"attempt\":1,"
                    + "\"clientOrderId\":\"x-12-MANUAL-1\",\"state\":\"SENT\",\"quantity\":10,"
                    + "\"filledQuantity\":0,\"orderType\":\"MKT\",\"triggerPrice\":100,"
                    + "\"tickAt\":\"2025-11-20T14:35:30.873Z\","
                    + "\"triggeredAt\":\"2025-11-20T14:35:30.874Z\","
                    + "\"sentAt\":\"2025-11-20T14:35:30.906Z\",\"tickToOrderMicros\":33179}],"
                    + "\"entryOrderId\":\"e-5061dccb198a4b68bb3d\",\"reason\":\"MANUAL fired\","
                    + "\"openedAt\":\"2025-11-20T14:30:00.156Z\","
                    + "\"createdAt\":\"2025-11-20T14:30:00.109Z\","
                    + "\"updatedAt\":\"2025-11-20T14:35:30.874Z\",\"fills\":["
                    + ENTRY_FILL
                    + "],\"orders\":["
                    + ENTRY_ORDER
                    + ",{\"clientOrderId\":\"x-12-MANUAL-1\",\"side\":\"SELL\",\"quantity\":10,"
                    + "\"type\":\"MKT\",\"status\":\"SUBMITTED\",\"filledQuantity\":0,"
                    + "\"createdAt\":\"2025-11-20T14:35:30.890Z\"}]}";

    static final String HOLDINGS_EXAMPLE =
            "[{\"account\":\"paper\",\"symbol\":\"AAPL\",\"positionsQuantity\":10,"
                    + "\"differs\":false}]";

    @Inject Positions positions;

    @Inject PositionStore store;

    @Inject ExitEngine engine;

    @Inject OrderDesk desk;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Positions, newest first, each with its rules and triggers")
    @APIResponse(
            responseCode = "200",
            description = "The positions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Positions"),
                            examples =
                                    @ExampleObject(
                                            name = "one open",
                                            value = "[" + OPEN_EXAMPLE + "]")))
    @APIResponse(
            responseCode = "400",
            description = "Unknown state or a limit outside 1 to 500 (code invalid_position)")
    public JsonArray list(
            @Parameter(
                            description = "PENDING, OPEN, CLOSING, CLOSED, SETTLED or CANCELLED",
                            example = "OPEN")
                    @QueryParam("state")
                    String state,
            @Parameter(description = "How many, 1 to 500, default 100", example = "100")
                    @QueryParam("limit")
                    String limit) {
        List<PositionSnapshot> found = positions.list(state(state), limit(limit));
        Map<Long, List<ExitRecord>> exits =
                store.exits(found.stream().map(PositionSnapshot::id).toList());
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (PositionSnapshot p : found) {
            array.add(
                    PositionJson.of(
                            p,
                            exits.getOrDefault(p.id(), List.of()),
                            p.state().isGuarded()
                                    ? engine.price(p.id(), p.symbol()).orElse(null)
                                    : null));
        }
        return array.build();
    }

    @GET
    @Path("{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One position with its rules, triggers, orders and fills")
    @APIResponse(
            responseCode = "200",
            description = "The position",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "PositionDetail"),
                            examples = {
                                @ExampleObject(name = "open", value = DETAIL_EXAMPLE),
                                @ExampleObject(
                                        name = "closed by its target",
                                        value = CLOSED_EXAMPLE)
                            }))
    @APIResponse(responseCode = "404", description = "No such position (code unknown_position)")
    public JsonObject one(
            @Parameter(description = "The position's id", example = "12") @PathParam("id")
                    String id) {
        PositionDetail detail = positions.find(id(id)).orElseThrow(() -> unknown(id));
        List<OrderSnapshot> orders = new ArrayList<>();
        if (detail.position().entryOrderId() != null) {
            desk.find(detail.position().entryOrderId()).ifPresent(orders::add);
        }
        for (ExitRecord exit : detail.exits()) {
            desk.find(exit.clientOrderId()).ifPresent(orders::add);
        }
        return PositionJson.detail(
                PositionJson.of(detail.position(), detail.exits(), detail.live()),
                detail.fills(),
                orders);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Open a position with a market order",
            description =
                    "{\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":10,\"rules\":{\"stopLoss\":"
                            + "{\"percent\":2},\"takeProfit\":{\"percent\":5}}}; without rules"
                            + " the account's exit defaults apply. The order's fill opens it.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewPosition"),
                            examples =
                                    @ExampleObject(
                                            name = "long with stop and target",
                                            value =
                                                    "{\"symbol\":\"AAPL\",\"side\":\"BUY\","
                                                            + "\"quantity\":10,\"rules\":"
                                                            + "{\"stopLoss\":{\"percent\":2},"
                                                            + "\"takeProfit\":{\"percent\":5}}}")))
    @APIResponse(
            responseCode = "201",
            description =
                    "The position, as the order left it: OPEN once the paper broker filled it,"
                            + " usually PENDING with IBKR",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "PositionDetail"),
                            examples = @ExampleObject(name = "opened", value = DETAIL_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A field is wrong, nothing stored (code invalid_position)")
    @APIResponse(
            responseCode = "409",
            description =
                    "The instrument is resolved: its resolution settled it, nothing stored (code"
                            + " instrument_resolved)")
    public Response open(JsonObject body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidPositionException(
                    "body", "The body must be a JSON object with symbol, side, quantity, rules");
        }
        List<String> unknown =
                body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidPositionException(
                    unknown.get(0),
                    "Unknown field '" + unknown.get(0) + "'; a position has " + FIELDS);
        }
        PositionSnapshot opened =
                positions.open(
                        new Positions.Request(
                                text(body, "symbol"),
                                text(body, "side"),
                                body.containsKey("quantity")
                                        ? body.get("quantity").toString().replace("\"", "")
                                        : null,
                                body.containsKey("rules") ? body.get("rules") : null));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(String.valueOf(opened.id())).build())
                .entity(one(String.valueOf(opened.id())))
                .build();
    }

    @GET
    @Path("holdings")
    @Operation(
            summary = "Per instrument: the open positions' sum beside the broker's own figure",
            description =
                    "brokerQuantity is absent for the paper broker; unexplained (the broker's"
                            + " figure less the positions') other than 0 is flagged.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(
            responseCode = "200",
            description = "One row per account and instrument",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Holdings"),
                            examples = @ExampleObject(name = "paper", value = HOLDINGS_EXAMPLE)))
    public JsonArray holdings() {
        JsonArrayBuilder rows = JSON.createArrayBuilder();
        for (HoldingComparison h : positions.holdings()) {
            var row =
                    JSON.createObjectBuilder()
                            .add("account", h.account())
                            .add("symbol", h.symbol())
                            .add("positionsQuantity", PositionJson.plain(h.positionsQuantity()))
                            .add("differs", h.differs());
            if (h.brokerQuantity() != null) {
                row.add("brokerQuantity", PositionJson.plain(h.brokerQuantity()));
                row.add("unexplained", PositionJson.plain(h.unexplained()));
            }
            if (h.brokerAverageCost() != null) {
                row.add("brokerAverageCost", PositionJson.plain(h.brokerAverageCost()));
            }
            rows.add(row);
        }
        return rows.build();
    }

    @POST
    @Path("holdings/{symbol}/adopt")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Adopt what the broker holds and no position explains as a guarded position",
            description =
                    "The body, optional, is the exit rules; without a body (and without a"
                        + " Content-Type) the defaults apply. It is adopted at the broker's average"
                        + " cost; the paper broker keeps no account, so there nothing is ever"
                        + " unexplained.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "ExitRules"),
                            examples =
                                    @ExampleObject(
                                            name = "a stop only",
                                            value = "{\"stopLoss\":{\"percent\":3}}")))
    @APIResponse(
            responseCode = "201",
            description = "The adopted position",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "PositionDetail"),
                            examples = @ExampleObject(name = "adopted", value = DETAIL_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid rules, nothing stored (code invalid_position)")
    @APIResponse(
            responseCode = "409",
            description = "Nothing unexplained is held of it (code position_refused)")
    public Response adopt(
            @Parameter(description = "The instrument", example = "AAPL") @PathParam("symbol")
                    String symbol,
            JsonObject rules,
            @Context UriInfo uri) {
        PositionSnapshot adopted = positions.adopt(symbol, rules);
        return Response.created(
                        uri.getBaseUriBuilder()
                                .path("v1/positions")
                                .path(String.valueOf(adopted.id()))
                                .build())
                .entity(one(String.valueOf(adopted.id())))
                .build();
    }

    @PUT
    @Path("{id}/rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace an open position's exit rules",
            description = "The engine applies them from the next tick on.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "ExitRules"),
                            examples =
                                    @ExampleObject(
                                            name = "stop and ladder",
                                            value =
                                                    "{\"stopLoss\":{\"percent\":2},"
                                                            + "\"takeProfit\":[{\"percent\":5,"
                                                            + "\"fraction\":0.5},{\"percent\":10,"
                                                            + "\"fraction\":0.5}]}")))
    @APIResponse(
            responseCode = "200",
            description = "The position with its new rules",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "PositionDetail"),
                            examples = @ExampleObject(name = "open", value = DETAIL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid rules (code invalid_position)")
    @APIResponse(responseCode = "404", description = "No such position (code unknown_position)")
    @APIResponse(
            responseCode = "409",
            description = "The position is closing or closed (code position_refused)")
    public JsonObject rules(
            @Parameter(description = "The position's id", example = "12") @PathParam("id")
                    String id,
            JsonObject rules) {
        if (rules == null || rules.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidPositionException(
                    "rules", "The body must be the rules, a JSON object");
        }
        positions.rules(id(id), rules).orElseThrow(() -> unknown(id));
        return one(id);
    }

    @POST
    @Path("{id}/close")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Close all of an open position at market, once",
            description = "The exit is recorded as the trigger MANUAL.")
    @APIResponse(
            responseCode = "200",
            description = "The position, CLOSING until the exit order fills, then CLOSED",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "PositionDetail"),
                            examples = @ExampleObject(name = "closing", value = CLOSING_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such position (code unknown_position)")
    @APIResponse(
            responseCode = "409",
            description = "The position is not open (code position_refused)")
    public JsonObject close(
            @Parameter(description = "The position's id", example = "12") @PathParam("id")
                    String id) {
        positions.close(id(id)).orElseThrow(() -> unknown(id));
        return one(id);
    }

    private static String text(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidPositionException(field, field + " must be a string");
        }
        return body.getString(field);
    }

    /** A number, or a string holding one, as money is often sent. */
    private static String number(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (value.getValueType()) {
            case NUMBER -> value.toString();
            case STRING -> body.getString(field);
            default -> throw new InvalidPositionException(field, field + " must be a number");
        };
    }

    private static PositionState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PositionState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPositionException(
                    "state",
                    "state must be one of "
                            + List.of(PositionState.values())
                            + ", not '"
                            + value
                            + "'");
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidPositionException(
                    "limit",
                    "limit must be a number from 1 to "
                            + Positions.MAX_LIST
                            + ", not '"
                            + value
                            + "'");
        }
    }

    /** A path that is not a position's number names no position: 404, not 400. */
    private static long id(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw unknown(value);
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(
                404, "unknown_position", "Unknown position", "No position " + id + " is known");
    }
}
