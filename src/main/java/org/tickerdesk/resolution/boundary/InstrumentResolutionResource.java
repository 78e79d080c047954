package org.tickerdesk.resolution.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.resolution.control.InvalidResolutionException;
import org.tickerdesk.resolution.control.ResolutionInput;
import org.tickerdesk.resolution.control.ResolutionJson;
import org.tickerdesk.resolution.control.ResolutionStore;
import org.tickerdesk.resolution.control.Resolutions;

/**
 * An admin resolves one instrument over HTTP. Its own path under the instruments' (more literal
 * characters than {@code v1/instruments}, so Jakarta REST routes {@code .../resolution} here and
 * everything else of an instrument to the instruments' resource).
 */
@Path("v1/instruments/{symbol}/resolution")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentResolutionResource {

    static final List<String> FIELDS = List.of("settlementPrice", "outcome");

    static final String EXAMPLE =
            "{\"resolution\":{\"symbol\":\"ESZ6\",\"kind\":\"future\",\"expiry\":\"2026-12-18\","
                    + "\"state\":\"RESOLVED\",\"settlementPrice\":6012.25,\"source\":\"manual\","
                    + "\"basis\":\"Entered by an admin over the API\","
                    + "\"resolvedAt\":\"2026-12-19T09:00:00Z\",\"positionsSettled\":1,"
                    + "\"lastCheckedAt\":\"2026-12-19T09:00:00Z\"},\"resolvedNow\":true,"
                    + "\"alreadyResolved\":false,\"settled\":[{\"id\":12,\"symbol\":\"ESZ6\","
                    + "\"side\":\"BUY\",\"quantity\":2,\"averagePrice\":6000.5,"
                    + "\"settlementPrice\":6012.25,\"pnl\":23.5,\"realizedPnl\":23.5,\"fees\":0,"
                    + "\"state\":\"SETTLED\"}],\"message\":\"ESZ6 resolved at 6012.25; 1"
                    + " position(s) settled\"}";

    static final String AGAIN_EXAMPLE =
            "{\"resolution\":{\"symbol\":\"ESZ6\",\"state\":\"RESOLVED\","
                    + "\"settlementPrice\":6012.25,\"source\":\"manual\",\"positionsSettled\":1},"
                    + "\"resolvedNow\":false,\"alreadyResolved\":true,\"settled\":[],"
                    + "\"message\":\"ESZ6 was resolved at 6012.25 already; nothing more was"
                    + " settled\"}";

    @Inject Resolutions resolutions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Resolve an instrument and settle its open positions",
            description =
                    "{\"settlementPrice\":6012.25} for a future or an option, {\"outcome\":\"YES\"}"
                            + " or {\"outcome\":\"NO\"} for an event contract (YES settles at 1,"
                            + " NO at 0). Its open and closing positions become SETTLED at that"
                            + " value with their P&L realised. The same call again settles nothing"
                            + " more and says so; another value for a resolved instrument is"
                            + " refused.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewResolution"),
                            examples = {
                                @ExampleObject(
                                        name = "a future",
                                        value = "{\"settlementPrice\":6012.25}"),
                                @ExampleObject(
                                        name = "an event contract",
                                        value = "{\"outcome\":\"YES\"}")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The resolution and the positions this call settled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "ResolutionEntered"),
                            examples = {
                                @ExampleObject(name = "resolved", value = EXAMPLE),
                                @ExampleObject(name = "the same again", value = AGAIN_EXAMPLE)
                            }))
    @APIResponse(
            responseCode = "400",
            description =
                    "Neither or both of settlementPrice and outcome, a wrong value, an outcome for"
                            + " a future, an unknown field; every field at fault listed (code"
                            + " invalid_resolution)")
    @APIResponse(responseCode = "404", description = "No such instrument (code unknown_instrument)")
    @APIResponse(
            responseCode = "409",
            description =
                    "A stock, which never resolves (code not_resolvable), or resolved at another"
                            + " value already, nothing changed (code resolution_conflict)")
    public JsonObject resolve(
            @Parameter(description = "The instrument's symbol", example = "ESZ6")
                    @PathParam("symbol")
                    String symbol,
            JsonObject body) {
        JsonFields fields =
                JsonFields.of(
                                body,
                                "The body must be a JSON object with settlementPrice or outcome",
                                InvalidResolutionException::new)
                        .only(
                                FIELDS,
                                field ->
                                        "'"
                                                + field
                                                + "' is not a field of a resolution; use"
                                                + " settlementPrice or outcome");
        ResolutionInput input =
                new ResolutionInput(fields.number("settlementPrice"), fields.text("outcome"));
        fields.refuseIfAnyError();
        ResolutionStore.Settled done = resolutions.enter(symbol, input, "an admin over the API");
        return ResolutionJson.entered(resolutions.overviewOf(symbol, done.resolution()), done);
    }
}
