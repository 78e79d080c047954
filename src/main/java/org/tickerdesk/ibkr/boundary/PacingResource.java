package org.tickerdesk.ibkr.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tickerdesk.ibkr.history.PacingBudget;
import org.tickerdesk.ibkr.history.PacingGate;

/**
 * IB's historical-data pacing over HTTP: what the gate has used and has left, so an operator sees
 * why a history fetch waits. Without IBKR there is no gate: 409.
 */
@Path("ibkr/pacing")
@Produces(MediaType.APPLICATION_JSON)
public class PacingResource {

    @Inject TwsLink link;

    @GET
    @Operation(
            summary = "What is left of IB's historical-data pacing allowance",
            description =
                    "usedInWindow and remainingInWindow count the last ten minutes (BID_ASK counts"
                            + " double); open and remainingOpen the requests awaiting IB's answer;"
                            + " nextFreeSlot is when a new request would go out; pausedUntil is set"
                            + " while the gate pauses after a pacing violation (162).")
    public Response budget() {
        if (!link.enabled()) {
            return Response.status(Response.Status.CONFLICT)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(
                            Json.createObjectBuilder()
                                    .add("code", "ibkr_not_used")
                                    .add(
                                            "message",
                                            "IBKR is not used here, so no history request is paced:"
                                                    + " set TICKERDESK_SOURCE=ibkr or"
                                                    + " TICKERDESK_TRADING=ibkr")
                                    .build()
                                    .toString())
                    .build();
        }
        return Response.ok(json(link.pacingBudget()).toString(), MediaType.APPLICATION_JSON)
                .build();
    }

    static JsonObject json(PacingBudget budget) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("asOf", budget.asOf().toString())
                        .add("usedInWindow", budget.usedInWindow())
                        .add("remainingInWindow", budget.remainingInWindow())
                        .add("open", budget.open())
                        .add("remainingOpen", budget.remainingOpen());
        instant(json, "nextFreeSlot", budget.nextFreeSlot());
        instant(json, "pausedUntil", budget.pausedUntil());
        return json.add(
                        "limits",
                        Json.createObjectBuilder()
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
