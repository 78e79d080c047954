package org.tickerdesk.ibkr.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * IBKR over HTTP: connected or reconnecting (and why, since when), the market-data lines in use of
 * how many with every subscription's state and what waits for a line, and the history pacing
 * budget.
 */
@Path("v1/ibkr/status")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class IbkrStatusResource {

    @Inject TwsLink tws;

    @GET
    @Operation(summary = "The TWS connection, the market-data lines and the history pacing budget")
    @APIResponse(
            responseCode = "200",
            description = "The IBKR overview; link.enabled is false when IBKR is not used",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "IbkrOverview"),
                            examples =
                                    @ExampleObject(
                                            name = "not used",
                                            value =
                                                    "{\"link\":{\"enabled\":false,"
                                                        + "\"connected\":false,\"address\":\"\",\"detail\":\"IBKR"
                                                        + " is not used\"},\"dataFarms\":[],"
                                                        + "\"dataFarmSummary\":\"—\"}")))
    public IbkrOverview status() {
        return tws.overview();
    }
}
