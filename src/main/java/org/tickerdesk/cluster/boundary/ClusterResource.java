package org.tickerdesk.cluster.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.cluster.control.ClusterJson;
import org.tickerdesk.cluster.control.Leadership;

/** Who leads the cluster, as this member sees it; reading needs a token or the admin's login. */
@Path("v1/cluster")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    static final String EXAMPLE =
            "{\"clustered\":true,\"leading\":false,\"leader\":{\"uuid\":"
                    + "\"5d0c6a8e-3f9b-4c8e-9a51-2b7f0e4d1c23\",\"address\":\"127.0.0.1:6900\","
                    + "\"local\":false,\"leader\":true},\"since\":\"2025-11-20T14:30:00.002Z\","
                    + "\"members\":[{\"uuid\":\"5d0c6a8e-3f9b-4c8e-9a51-2b7f0e4d1c23\",\"address\":"
                    + "\"127.0.0.1:6900\",\"local\":false,\"leader\":true},{\"uuid\":"
                    + "\"a41f7e02-96d3-4b1a-8c2e-7f5d3b9e0a14\",\"address\":\"127.0.0.1:6901\","
                    + "\"local\":true,\"leader\":false}]}";

    @Inject Leadership leadership;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "The cluster's members, which one leads and since when",
            description =
                    "The leader holds the IBKR session and runs the scheduled tasks. leader and"
                            + " since are absent while no member leads (a few seconds after the"
                            + " leader died). Not clustered, the one instance leads from its"
                            + " start.")
    @APIResponse(
            responseCode = "200",
            description = "The cluster as this member sees it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Cluster"),
                            examples = @ExampleObject(name = "follower", value = EXAMPLE)))
    public JsonObject cluster() {
        return ClusterJson.of(leadership.view());
    }
}
