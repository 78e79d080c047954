package org.tickerdesk.copytrading.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.copytrading.control.ChartJson;
import org.tickerdesk.copytrading.control.CopyCharts;
import org.tickerdesk.copytrading.control.IntakeLog;
import org.tickerdesk.copytrading.control.InvalidTradeException;
import org.tickerdesk.copytrading.control.TradeJson;
import org.tickerdesk.copytrading.control.TradeSignature;
import org.tickerdesk.copytrading.control.TraderJson;
import org.tickerdesk.copytrading.control.TraderPerformance;
import org.tickerdesk.copytrading.control.Traders;
import org.tickerdesk.copytrading.control.UnknownTraderException;
import org.tickerdesk.copytrading.control.WebhookTrades;
import org.tickerdesk.copytrading.entity.IntakeSnapshot;
import org.tickerdesk.copytrading.entity.IntakeStatus;
import org.tickerdesk.copytrading.entity.TraderSnapshot;
import org.tickerdesk.platform.entity.FieldError;

/**
 * Followed traders over HTTP: list, read, create, edit, toggle, delete, and their trade intake.
 * Private: reading needs credentials, changing needs an admin token. Every change is committed
 * before the answer. The one exception is a trader's webhook ({@code POST {id}/trades}), which a
 * signal provider calls: it is authenticated by the body's signature with the trader's secret.
 */
@Path("v1/traders")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TradersResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    static final String TRADER_EXAMPLE =
            "{\"id\":7,\"name\":\"Alice\",\"feed\":\"webhook\",\"enabled\":true,\"paper\":false,"
                    + "\"allocation\":10000,\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5},"
                    + "\"caps\":{\"perTrade\":2000,\"totalExposure\":null,\"openPositions\":5},"
                    + "\"filters\":{\"allowed\":[],\"denied\":[\"TSLA\"],\"minTradeSize\":null,"
                    + "\"maxTradeSize\":null,\"maxDelaySeconds\":30,"
                    + "\"maxPriceDeviationPercent\":0.5},\"copyExits\":true,"
                    + "\"copyStopLossPercent\":20,\"rules\":{\"stopLoss\":{\"percent\":2.0},"
                    + "\"triggerPrice\":\"LAST\",\"exitOrder\":{\"type\":\"MARKET\"},"
                    + "\"brokerProtection\":\"NONE\"},"
                    + "\"createdAt\":\"2026-11-30T10:00:00.120Z\","
                    + "\"updatedAt\":\"2026-11-30T10:05:12.004Z\",\"version\":3}";

    static final String CREATED_EXAMPLE =
            "{\"id\":7,\"name\":\"Alice\",\"feed\":\"webhook\",\"enabled\":true,\"paper\":false,"
                + "\"allocation\":10000,\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5},"
                + "\"caps\":{\"perTrade\":null,\"totalExposure\":null,\"openPositions\":null},"
                + "\"filters\":{\"allowed\":[],\"denied\":[],\"minTradeSize\":null,"
                + "\"maxTradeSize\":null,\"maxDelaySeconds\":null,"
                + "\"maxPriceDeviationPercent\":null},\"copyExits\":true,"
                + "\"copyStopLossPercent\":null,\"rules\":{\"triggerPrice\":\"LAST\",\"exitOrder\":{\"type\":\"MARKET\"},\"brokerProtection\":\"NONE\"},"
                + "\"createdAt\":\"2026-11-30T10:00:00.120Z\","
                + "\"updatedAt\":\"2026-11-30T10:00:00.120Z\",\"version\":0,\"secret\":\"5f0c9a…64"
                + " hex characters…\"}";

    static final String NEW_EXAMPLE =
            "{\"name\":\"Alice\",\"feed\":\"webhook\",\"allocation\":10000,"
                    + "\"sizing\":{\"mode\":\"ratio\",\"ratio\":0.5}}";

    private static final String INVALID =
            "A field is missing, unknown, of the wrong type or out of range; every one is named in"
                    + " errors and nothing is stored (code invalid_trader)";

    @Inject Traders traders;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Every followed trader, by name")
    @APIResponse(
            responseCode = "200",
            description = "The traders, without their webhook secrets",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Traders"),
                            examples =
                                    @ExampleObject(
                                            name = "one",
                                            value = "[" + TRADER_EXAMPLE + "]")))
    public JsonArray list() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        traders.list().forEach(t -> array.add(TraderJson.write(t)));
        return array.build();
    }

    static final String PERFORMANCE_EXAMPLE =
            "{\"computedAt\":\"2026-11-30T10:00:00.120Z\",\"traders\":[{\"leaderPnl\":240,"
                    + "\"copiedPnl\":110.5,\"winRatePercent\":66.67,\"closed\":3,\"wins\":2,"
                    + "\"copied\":12,\"skipped\":2,\"filled\":11,\"delayToOrderMsP50\":212.4,"
                    + "\"delayToOrderMsP95\":480.001,\"delayToFillMsP50\":214.9,"
                    + "\"delayToFillMsP95\":530.2,\"slippageP50\":0.01,\"slippageP95\":0.05,"
                    + "\"slippageBpsP50\":0.53,\"slippageBpsP95\":2.61,\"id\":7,"
                    + "\"name\":\"Alice\"}]}";

    @Inject TraderPerformance performance;

    @GET
    @Path("performance")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Every followed trader's performance and copy fidelity",
            description =
                    "Computed for all traders at once and kept for 2 seconds (computedAt says"
                            + " when): the leader's P&L (realised plus what they hold at their"
                            + " last price), the copied P&L (realised less fees plus unrealised),"
                            + " the win rate of closed copied positions, trades copied, skipped"
                            + " and filled, and the delay from the leader's trade to our order and"
                            + " to our fill and the slippage of our fill against the leader's"
                            + " price (worse for us positive), each p50 and p95 by nearest rank,"
                            + " null without a trade to measure.")
    @APIResponse(
            responseCode = "200",
            description = "The figures, one entry per trader, by name",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "TraderPerformance"),
                            examples = @ExampleObject(name = "one", value = PERFORMANCE_EXAMPLE)))
    public Response performance() {
        return Response.ok(performance.json(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One followed trader, without the webhook secret")
    @APIResponse(
            responseCode = "200",
            description = "The trader",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Trader"),
                            examples = @ExampleObject(name = "Alice", value = TRADER_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such trader (code unknown_trader)")
    public JsonObject get(
            @Parameter(description = "The trader's id", example = "7") @PathParam("id") String id) {
        return TraderJson.write(traders.get(id(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Follow a trader",
            description =
                    "name, feed (webhook, ibkr or simulated), allocation and sizing are needed; the"
                            + " rest default to enabled, not paper, no caps, no filters, exits"
                            + " copied, no copy stop-loss, no exit rules. The answer carries the"
                            + " webhook secret, shown this once.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "TraderSettings"),
                            examples = @ExampleObject(name = "ratio", value = NEW_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "The trader as stored, with its webhook secret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "TraderCreated"),
                            examples = @ExampleObject(name = "Alice", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = INVALID)
    @APIResponse(
            responseCode = "409",
            description = "Another trader has the name (code trader_name_taken)")
    public Response create(JsonObject body, @Context UriInfo uri) {
        Traders.Created created = traders.create(body);
        JsonObject json =
                JSON.createObjectBuilder(TraderJson.write(created.trader()))
                        .add("secret", created.secret())
                        .build();
        return Response.created(
                        uri.getAbsolutePathBuilder()
                                .path(Long.toString(created.trader().id()))
                                .build())
                .entity(json)
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change a trader's settings",
            description =
                    "The top-level fields given replace the stored ones; the others stay. A field"
                            + " given as null is cleared. id, createdAt and updatedAt may be sent"
                            + " back as read; version, when given, must be the stored one.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "TraderSettings"),
                            examples =
                                    @ExampleObject(
                                            name = "more capital, fixed size",
                                            value =
                                                    "{\"allocation\":20000,\"sizing\":{\"mode\":"
                                                            + "\"fixed\",\"amount\":1000}}")))
    @APIResponse(
            responseCode = "200",
            description = "The trader as stored now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Trader"),
                            examples = @ExampleObject(name = "Alice", value = TRADER_EXAMPLE)))
    @APIResponse(responseCode = "400", description = INVALID)
    @APIResponse(responseCode = "404", description = "No such trader (code unknown_trader)")
    @APIResponse(
            responseCode = "409",
            description =
                    "Another trader has the name (code trader_name_taken), or the trader changed"
                            + " since the version given (code trader_changed)")
    public JsonObject update(
            @Parameter(description = "The trader's id", example = "7") @PathParam("id") String id,
            JsonObject body) {
        return TraderJson.write(traders.update(id(id), body));
    }

    @POST
    @Path("{id}/toggle")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Turn copying of a trader on when off, off when on",
            description = "One short transaction, committed before the answer.")
    @APIResponse(
            responseCode = "200",
            description = "The trader's new state",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "TraderToggled"),
                            examples =
                                    @ExampleObject(
                                            name = "off",
                                            value =
                                                    "{\"id\":7,\"enabled\":false,\"version\":4,"
                                                        + "\"updatedAt\":\"2026-11-30T10:06:00.001Z\"}")))
    @APIResponse(responseCode = "404", description = "No such trader (code unknown_trader)")
    public JsonObject toggle(
            @Parameter(description = "The trader's id", example = "7") @PathParam("id") String id) {
        TraderSnapshot trader = traders.toggle(id(id));
        return JSON.createObjectBuilder()
                .add("id", trader.id())
                .add("enabled", trader.settings().enabled())
                .add("version", trader.version())
                .add("updatedAt", trader.updatedAt().toString())
                .build();
    }

    @DELETE
    @Path("{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Stop following a trader and forget its settings")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such trader (code unknown_trader)")
    public Response delete(
            @Parameter(description = "The trader's id", example = "7") @PathParam("id") String id) {
        traders.delete(id(id));
        return Response.noContent().build();
    }

    static final String ENTRY_EXAMPLE =
            "{\"id\":42,\"traderId\":7,\"feed\":\"webhook\",\"tradeId\":\"t-1\","
                + "\"symbol\":\"AAPL\",\"side\":\"BUY\",\"quantity\":10,\"price\":190.12,"
                + "\"time\":\"2026-11-30T10:00:00Z\",\"receivedAt\":\"2026-11-30T10:00:00.210Z\","
                + "\"status\":\"COPIED\",\"leaderPortfolioValue\":null,\"reason\":null,\"reasonText\":null,\"detail\":\"10"
                + " × 0.5 = 5 units at the ask 190.14\","
                + "\"decidedAt\":\"2026-11-30T10:00:00.214Z\",\"copySide\":\"BUY\","
                + "\"copyQuantity\":5,\"copyEffect\":\"OPENS\",\"copyPrice\":190.14,"
                + "\"clientOrderId\":\"cp-7-1f0c…\",\"orderedAt\":\"2026-11-30T10:00:00.220Z\","
                + "\"filledAt\":\"2026-11-30T10:00:00.221Z\",\"fillPrice\":190.15}";

    @Inject WebhookTrades webhook;

    @POST
    @Path("{id}/trades")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "A trade of a followed trader, from their webhook",
            description =
                    "Authenticated by its signature, not by a bearer token: "
                            + TradeSignature.HEADER
                            + ": sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the"
                            + " trader's secret>. Written to the intake once per tradeId, then"
                            + " copied, skipped with a reason, or left waiting; the same tradeId"
                            + " again answers the same entry and copies nothing more.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "LeaderTrade"),
                            examples =
                                    @ExampleObject(
                                            name = "a buy",
                                            value =
                                                    "{\"tradeId\":\"t-1\",\"symbol\":\"AAPL\","
                                                            + "\"side\":\"BUY\",\"quantity\":10,"
                                                            + "\"price\":190.12,\"time\":"
                                                            + "\"2026-11-30T10:00:00Z\"}")))
    @APIResponse(
            responseCode = "202",
            description = "The intake entry: COPIED, SKIPPED with its reason, or WAITING",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "IntakeEntry"),
                            examples = @ExampleObject(name = "copied", value = ENTRY_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "The trade is malformed; each field at fault is named (code invalid_trade)")
    @APIResponse(
            responseCode = "401",
            description = "The signature is missing or wrong (code bad_signature)")
    @APIResponse(responseCode = "404", description = "No such trader (code unknown_trader)")
    @APIResponse(
            responseCode = "409",
            description = "The trader takes trades from another feed (code wrong_feed)")
    public Response trade(
            @Parameter(description = "The trader's id", example = "7") @PathParam("id") String id,
            @HeaderParam(TradeSignature.HEADER) String signature,
            @Context HttpServletRequest request,
            byte[] body) {
        IntakeSnapshot entry =
                webhook.take(
                        id(id),
                        body == null ? new byte[0] : body,
                        signature,
                        request.getRemoteAddr());
        return Response.accepted(TradeJson.write(entry)).build();
    }

    @GET
    @Path("{id}/intake")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "A trader's intake log, newest first, each entry with its reason")
    @APIResponse(
            responseCode = "200",
            description = "The entries",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "IntakeEntries"),
                            examples =
                                    @ExampleObject(
                                            name = "one",
                                            value = "[" + ENTRY_EXAMPLE + "]")))
    @APIResponse(
            responseCode = "400",
            description = "status or limit is not one of those allowed (code invalid_trade)")
    @APIResponse(responseCode = "404", description = "No such trader (code unknown_trader)")
    public JsonArray intake(
            @Parameter(description = "The trader's id", example = "7") @PathParam("id") String id,
            @Parameter(description = "RECEIVED, COPIED, SKIPPED or WAITING; all when absent")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "At most this many, 1 to 500 (100 when absent)")
                    @QueryParam("limit")
                    String limit) {
        return TradeJson.write(webhook.intake(id(id), status(status), limit(limit)));
    }

    static final String CURVE_EXAMPLE =
            "{\"traderId\":7,\"closed\":2,\"pnl\":18.5,\"points\":[{\"at\":"
                    + "\"2026-11-30T10:05:00Z\",\"pnl\":12},{\"at\":\"2026-11-30T11:20:00Z\","
                    + "\"pnl\":11},{\"at\":\"2026-11-30T12:00:00.120Z\",\"pnl\":18.5}]}";

    static final String FIDELITY_EXAMPLE =
            "{\"traderId\":7,\"window\":1000,\"figures\":{\"copied\":2,\"filled\":1,"
                    + "\"delayToOrderMsP50\":100,\"delayToOrderMsP95\":200,"
                    + "\"delayToFillMsP50\":300,\"delayToFillMsP95\":300,\"slippageP50\":0.02,"
                    + "\"slippageP95\":0.02,\"slippageBpsP50\":2,\"slippageBpsP95\":2},"
                    + "\"points\":[{\"entryId\":41,\"tradeId\":\"t-1\",\"leaderTime\":"
                    + "\"2026-11-30T10:00:00Z\",\"delayToOrderMs\":200,\"delayToFillMs\":300,"
                    + "\"slippage\":0.02,\"slippageBps\":2},{\"entryId\":42,\"tradeId\":"
                    + "\"t-2\",\"leaderTime\":\"2026-11-30T10:01:00Z\",\"delayToOrderMs\":100,"
                    + "\"delayToFillMs\":null,\"slippage\":null,\"slippageBps\":null}]}";

    @Inject CopyCharts charts;

    @GET
    @Path("{id}/curve")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "A trader's copied P&L over time",
            description =
                    "The realised P&L (less fees) of the positions copied from the trader, summed"
                            + " in the order they closed, one point per close (at most 199, picked"
                            + " evenly when there are more), and a last point at the time of the"
                            + " read with the copied P&L now: all realised plus the unrealised P&L"
                            + " of the copied positions still open, as copiedPnl of"
                            + " /traders/performance. No points without a copied position.")
    @APIResponse(
            responseCode = "200",
            description = "The curve",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "TraderCurve"),
                            examples = @ExampleObject(name = "two closes", value = CURVE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such trader (code unknown_trader)")
    public JsonObject curve(
            @Parameter(description = "The trader's id", example = "7") @PathParam("id") String id) {
        long trader = traders.get(id(id)).id();
        return ChartJson.write(charts.curve(trader));
    }

    @GET
    @Path("{id}/fidelity")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "A trader's copy fidelity over time",
            description =
                    "Of the newest 1,000 copied trades whose order was placed, by the leader's"
                            + " time: the delay from the leader's trade to our order and to our"
                            + " fill (milliseconds), and the slippage of our fill against the"
                            + " leader's price, in price and in basis points of it, worse for us"
                            + " positive; the fill's figures are null until it filled. figures"
                            + " has the p50 and p95 (nearest rank) of the same copies.")
    @APIResponse(
            responseCode = "200",
            description = "The series and its percentiles",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "TraderFidelity"),
                            examples =
                                    @ExampleObject(name = "two copies", value = FIDELITY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such trader (code unknown_trader)")
    public JsonObject fidelity(
            @Parameter(description = "The trader's id", example = "7") @PathParam("id") String id) {
        long trader = traders.get(id(id)).id();
        return ChartJson.write(charts.fidelity(trader));
    }

    private static IntakeStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return IntakeStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTradeException(
                    List.of(
                            new FieldError(
                                    "status",
                                    "status must be RECEIVED, COPIED, SKIPPED or WAITING, not "
                                            + text)));
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= IntakeLog.MAX_LIST) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidTradeException(
                List.of(
                        new FieldError(
                                "limit",
                                "limit must be from 1 to "
                                        + IntakeLog.MAX_LIST
                                        + ", not "
                                        + text)));
    }

    /** A path that is not a positive whole number names no trader. */
    static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UnknownTraderException(text);
    }
}
