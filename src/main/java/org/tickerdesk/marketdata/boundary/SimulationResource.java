package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.marketdata.control.SimulatedPrices;
import org.tickerdesk.marketdata.entity.InjectedQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.marketdata.entity.ScriptedPath;
import org.tickerdesk.platform.control.ProblemException;

/**
 * Drives the simulated market, for tests and a first demonstration: an admin injects ticks, holds a
 * symbol still and runs scripted price paths. An injected tick goes where a generated one goes
 * (quote store, streams, paper broker, recorder). With {@code tickerdesk.source=ibkr} every request
 * here is refused with 409 {@code not_simulated}; in a cluster ticks and paths go to the leading
 * member, and a member that follows refuses them with 409 {@code not_leading}.
 */
@Path("v1/sim")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SimulationResource {

    static final String NOT_SIMULATED =
            "The market-data source is not the simulated market, IBKR say (code not_simulated)";

    static final String NOT_SIMULATED_OR_LEADING =
            "The market-data source is not the simulated market (code not_simulated), or this"
                    + " member of a cluster does not lead it, so what is injected here would be"
                    + " dropped (code not_leading)";

    static final String TICK_EXAMPLE =
            "{\"symbol\":\"AAPL\",\"bid\":179.99,\"ask\":180.01,\"last\":180.0,\"bidSize\":500,"
                    + "\"askSize\":300,\"lastSize\":100,\"volume\":1520400,"
                    + "\"ts\":1763649000123.456,\"held\":true}";

    static final String PATH_EXAMPLE =
            "{\"id\":3,\"symbol\":\"AAPL\",\"from\":180.0,\"to\":171.0,\"steps\":100,"
                    + "\"stepsDone\":0,\"seconds\":10,\"startedAt\":\"2025-11-20T14:30:00Z\"}";

    @Inject SimulatedPrices prices;

    @POST
    @Path("ticks")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Inject one tick, or several in order, into the simulated market",
            description =
                    "Needs an admin's bearer token. symbol (one the simulated market streams: a"
                        + " watched instrument) and last (above zero) are required; bid and ask"
                        + " (both or neither, bid <= ask; left out, a spread of one to four ticks"
                        + " is drawn around last as the market draws its own), size (a whole"
                        + " number; left out, one is drawn) and hold are optional. Prices are"
                        + " snapped to the instrument's tick size. The tick has the server's time"
                        + " and goes where a generated tick goes; the symbol's random walk goes on"
                        + " from it. hold true stops the walk after the tick, so that only injected"
                        + " ticks and paths move the symbol, until a tick with hold false or DELETE"
                        + " /api/v1/sim/holds/{symbol}. An array of ticks is checked whole, then"
                        + " injected in order; an array in, an array out.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "SimTick"),
                            examples = {
                                @ExampleObject(
                                        name = "held at a price",
                                        value =
                                                "{\"symbol\":\"AAPL\",\"last\":180.0,"
                                                        + "\"hold\":true}"),
                                @ExampleObject(
                                        name = "a quote of one's own",
                                        value =
                                                "{\"symbol\":\"AAPL\",\"last\":180.0,\"bid\":179.98,"
                                                    + "\"ask\":180.02,\"size\":500}"),
                                @ExampleObject(
                                        name = "several",
                                        value =
                                                "[{\"symbol\":\"AAPL\",\"last\":180.0},"
                                                        + "{\"symbol\":\"AAPL\",\"last\":179.5}]")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "Injected: what each tick became, and whether its symbol is held",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "SimTickView"),
                            examples = @ExampleObject(name = "held", value = TICK_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "A field is unknown, of the wrong type, missing or not valid; errors names each"
                            + " one, [i].field for the i-th tick of an array (code invalid_tick)")
    @APIResponse(
            responseCode = "403",
            description = "The token is a viewer's, not an admin's (code forbidden)")
    @APIResponse(
            responseCode = "404",
            description = "The simulated market does not stream the symbol (code unknown_symbol)")
    @APIResponse(responseCode = "409", description = NOT_SIMULATED_OR_LEADING)
    public Object inject(JsonStructure body) {
        prices.requireDriven();
        List<SimTickView> injected =
                prices.inject(SimulationSubmission.ticks(body, prices::served)).stream()
                        .map(SimTickView::of)
                        .toList();
        return body instanceof JsonArray ? injected : injected.get(0);
    }

    @DELETE
    @Path("holds/{symbol}")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Let a held symbol's random walk move again",
            description =
                    "It goes on from the last injected price. A running path still moves it until"
                            + " the path ends. Releasing a symbol that is not held does nothing.")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(
            responseCode = "403",
            description = "The token is a viewer's, not an admin's (code forbidden)")
    @APIResponse(
            responseCode = "404",
            description = "The simulated market does not stream the symbol (code unknown_symbol)")
    @APIResponse(responseCode = "409", description = NOT_SIMULATED)
    public Response release(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol) {
        prices.release(symbol);
        return Response.noContent().build();
    }

    @POST
    @Path("paths")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Move a simulated symbol's price to a target over some seconds",
            description =
                    "Needs an admin's bearer token. symbol, seconds (above 0, at most 3600) and"
                        + " either to (a price) or changePercent (from the last price now; above"
                        + " -100) are required; steps (1 to 36000, at most one a millisecond;"
                        + " default one every 100 ms) is optional. The price moves linearly from"
                        + " the last price to the target, snapped to the tick size, one tick per"
                        + " step, the steps evenly spaced, the last one at the target. The random"
                        + " walk stands still while the path runs and goes on from the target"
                        + " afterwards, unless the symbol is held. A new path for a symbol replaces"
                        + " its running one.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "SimPath"),
                            examples = {
                                @ExampleObject(
                                        name = "down 5 % in 10 s",
                                        value =
                                                "{\"symbol\":\"AAPL\",\"changePercent\":-5,"
                                                        + "\"seconds\":10}"),
                                @ExampleObject(
                                        name = "to a price in 20 steps",
                                        value =
                                                "{\"symbol\":\"AAPL\",\"to\":171.0,\"seconds\":2,"
                                                        + "\"steps\":20}")
                            }))
    @APIResponse(
            responseCode = "202",
            description = "Running; the path as it starts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "SimPathView"),
                            examples = @ExampleObject(name = "down 5 %", value = PATH_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "A field is unknown, of the wrong type, missing or not valid; errors names each"
                            + " one (code invalid_path)")
    @APIResponse(
            responseCode = "403",
            description = "The token is a viewer's, not an admin's (code forbidden)")
    @APIResponse(
            responseCode = "404",
            description = "The simulated market does not stream the symbol (code unknown_symbol)")
    @APIResponse(responseCode = "409", description = NOT_SIMULATED_OR_LEADING)
    public Response start(JsonObject body) {
        prices.requireDriven();
        ScriptedPath path = prices.start(SimulationSubmission.path(body, prices::served));
        return Response.accepted(SimPathView.of(path)).build();
    }

    @GET
    @Path("paths")
    @Operation(summary = "The scripted paths running now, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The running paths; empty when none runs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "SimPathViews"),
                            examples =
                                    @ExampleObject(name = "one", value = "[" + PATH_EXAMPLE + "]")))
    @APIResponse(responseCode = "409", description = NOT_SIMULATED)
    public List<SimPathView> paths() {
        return prices.paths().stream().map(SimPathView::of).toList();
    }

    @DELETE
    @Path("paths/{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Stop a running path",
            description =
                    "The price stays where the path got to; the random walk goes on from there"
                            + " unless the symbol is held.")
    @APIResponse(responseCode = "204", description = "Stopped")
    @APIResponse(
            responseCode = "403",
            description = "The token is a viewer's, not an admin's (code forbidden)")
    @APIResponse(responseCode = "404", description = "No such path is running (code unknown_path)")
    @APIResponse(responseCode = "409", description = NOT_SIMULATED)
    public Response stop(
            @Parameter(description = "The path's id", example = "3") @PathParam("id") String id) {
        prices.requireSimulated();
        if (!id.matches("\\d{1,18}") || !prices.stop(Long.parseLong(id))) {
            throw new ProblemException(
                    404, "unknown_path", "Unknown path", "No path " + id + " is running");
        }
        return Response.noContent().build();
    }

    /** What an injected tick became; ts in epoch ms with µs as fraction, as quotes are shown. */
    public record SimTickView(
            String symbol,
            double bid,
            double ask,
            double last,
            long bidSize,
            long askSize,
            long lastSize,
            long volume,
            BigDecimal ts,
            @Schema(description = "Whether the symbol's random walk is held after this tick")
                    boolean held) {

        static SimTickView of(InjectedQuote injected) {
            Quote q = injected.quote();
            return new SimTickView(
                    q.symbol(),
                    q.bid(),
                    q.ask(),
                    q.last(),
                    q.bidSize(),
                    q.askSize(),
                    q.lastSize(),
                    q.volume(),
                    BigDecimal.valueOf(q.timestampMicros(), 3),
                    injected.held());
        }
    }

    /** A scripted path: its prices snapped to the tick size, its duration in seconds. */
    public record SimPathView(
            long id,
            String symbol,
            double from,
            double to,
            int steps,
            int stepsDone,
            BigDecimal seconds,
            Instant startedAt) {

        static SimPathView of(ScriptedPath p) {
            return new SimPathView(
                    p.id(),
                    p.symbol(),
                    p.from(),
                    p.to(),
                    p.steps(),
                    p.stepsDone(),
                    BigDecimal.valueOf(p.duration().toNanos(), 9).stripTrailingZeros(),
                    p.startedAt());
        }
    }
}
