package org.tickerdesk.ibkr.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * IBKR over HTTP: connected or reconnecting (and why, since when), the market-data lines in use of
 * how many with every subscription's state and what waits for a line, and the history pacing
 * budget.
 */
@Path("ibkr/status")
@Produces(MediaType.APPLICATION_JSON)
public class IbkrStatusResource {

    @Inject TwsLink tws;

    @GET
    @Operation(summary = "The TWS connection, the market-data lines and the history pacing budget")
    public IbkrOverview status() {
        return tws.overview();
    }
}
