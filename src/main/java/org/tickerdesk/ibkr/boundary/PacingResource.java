package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tickerdesk.ibkr.history.PacingBudget;
import org.tickerdesk.ibkr.history.PacingGate;
import org.tickerdesk.platform.control.ProblemException;

/**
 * IB's historical-data pacing over HTTP: what the gate has used and has left, so an operator sees
 * why a history fetch waits. Without IBKR there is no gate: 409.
 */
@Path("v1/ibkr/pacing")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PacingResource {

    /** Json's own factory methods look the provider up (a ServiceLoader search) on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject TwsLink link;

    @GET
    @Operation(
            summary = "What is left of IB's historical-data pacing allowance",
            description =
                    "usedInWindow and remainingInWindow count the last ten minutes (BID_ASK counts"
                            + " double); open and remainingOpen the requests awaiting IB's answer;"
                            + " nextFreeSlot is when a new request would go out; pausedUntil is set"
                            + " while the gate pauses after a pacing violation (162).")
    @APIResponse(
            responseCode = "200",
            description = "The pacing budget",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "PacingBudget"),
                            examples =
                                    @ExampleObject(
                                            name = "idle",
                                            value =
                                                    "{\"asOf\":\"2025-11-20T14:30:00Z\","
                                                        + "\"usedInWindow\":2,\"remainingInWindow\":58,"
                                                        + "\"open\":0,\"remainingOpen\":50,"
                                                        + "\"nextFreeSlot\":null,\"pausedUntil\":null,"
                                                        + "\"limits\":{\"requestsPerWindow\":60,"
                                                        + "\"windowSeconds\":600,\"identicalGapSeconds\":15,"
                                                        + "\"sameSeriesLimit\":6,"
                                                        + "\"sameSeriesWindowSeconds\":2,\"maxOpen\":50}}")))
    @APIResponse(responseCode = "409", description = "IBKR is not used here (code ibkr_not_used)")
    public JsonObject budget() {
        if (!link.enabled()) {
            throw new ProblemException(
                    409,
                    "ibkr_not_used",
                    "IBKR not used",
                    "IBKR is not used here, so no history request is paced: set"
                            + " TICKERDESK_SOURCE=ibkr or TICKERDESK_TRADING=ibkr");
        }
        return json(link.pacingBudget());
    }

    static JsonObject json(PacingBudget budget) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder()
                        .add("asOf", budget.asOf().toString())
                        .add("usedInWindow", budget.usedInWindow())
                        .add("remainingInWindow", budget.remainingInWindow())
                        .add("open", budget.open())
                        .add("remainingOpen", budget.remainingOpen());
        instant(json, "nextFreeSlot", budget.nextFreeSlot());
        instant(json, "pausedUntil", budget.pausedUntil());
        return json.add(
                        "limits",
                        JSON.createObjectBuilder()
                                .add("requestsPerWindow", PacingGate.WINDOW_LIMIT)
                                .add("windowSeconds", PacingGate.WINDOW.toSeconds())
                                .add("identicalGapSeconds", PacingGate.IDENTICAL_GAP.toSeconds())
                                .add("sameSeriesLimit", PacingGate.SAME_SERIES_LIMIT)
                                .add(
                                        "sameSeriesWindowSeconds",
                                        PacingGate.SAME_SERIES_WINDOW.toSeconds())
                                .add("maxOpen", PacingGate.MAX_OPEN))
                .build();
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }
}
