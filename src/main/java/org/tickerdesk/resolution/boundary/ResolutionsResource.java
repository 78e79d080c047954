package org.tickerdesk.resolution.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
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
import org.tickerdesk.resolution.control.ResolutionJson;
import org.tickerdesk.resolution.control.Resolutions;
import org.tickerdesk.resolution.entity.ResolutionOverview;

/** The instruments awaiting resolution and those resolved, over HTTP. */
@Path("v1/resolutions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ResolutionsResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    static final String EXAMPLE =
            "[{\"symbol\":\"CPI3-202612\",\"kind\":\"event\",\"expiry\":\"2027-01-15\","
                    + "\"state\":\"AWAITING\",\"positionsSettled\":0,"
                    + "\"lastCheckedAt\":\"2027-01-16T10:00:00Z\",\"reason\":\"Waiting for an"
                    + " admin to enter the outcome (the resolution source is manual)\"},"
                    + "{\"symbol\":\"ESZ6\",\"kind\":\"future\",\"expiry\":\"2026-12-18\","
                    + "\"state\":\"RESOLVED\",\"settlementPrice\":6012.25,\"source\":\"simulated\","
                    + "\"basis\":\"The simulated market's last price 6012.25 at"
                    + " 2026-12-19T09:00:00.000118Z, after the expiry on 2026-12-18\","
                    + "\"resolvedAt\":\"2026-12-19T09:00:00Z\",\"positionsSettled\":2,"
                    + "\"lastCheckedAt\":\"2026-12-19T09:00:00Z\"}]";

    @Inject Resolutions resolutions;

    @GET
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Instruments awaiting resolution (with the reason) and those resolved",
            description =
                    "Awaiting first, then by symbol. An instrument past its expiry that no run has"
                            + " asked about yet is listed as awaiting.")
    @APIResponse(
            responseCode = "200",
            description = "The resolutions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Resolutions"),
                            examples = @ExampleObject(name = "one of each", value = EXAMPLE)))
    public JsonArray all() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (ResolutionOverview overview : resolutions.overview()) {
            array.add(ResolutionJson.of(overview));
        }
        return array.build();
    }
}
