package org.tickerdesk.analytics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tickerdesk.analytics.control.AnalyticsFailureException;
import org.tickerdesk.analytics.control.AnalyticsInput;
import org.tickerdesk.analytics.control.LiveAnalytics;

/** A symbol's rolling 24 hours, from the live trades. */
@Path("v1/stats")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    static final String EXAMPLE =
            "{\"symbol\":\"AAPL\",\"from\":\"2025-11-19T14:30:00Z\",\"asOf\":\"2025-11-20T14:30:00Z\","
                + "\"open\":187.2,\"high\":190.1,\"low\":186.9,\"last\":189.5,\"change\":2.3,"
                + "\"changePercent\":1.2286,\"volume\":1520300,\"trades\":10342,\"vwap\":188.71}";

    @Inject InstrumentIds instruments;

    @Inject LiveAnalytics analytics;

    @GET
    @Path("{symbol}")
    @Operation(
            summary = "The last 24 hours of a symbol",
            description =
                    "From the live trades in minute buckets: open is the price 24 hours ago (the"
                        + " first one seen when the server has run less than a day), change and"
                        + " changePercent are from open to last, vwap is null without volume"
                        + " (midpoints of an instrument that does not trade). Takes no parameters.")
    @APIResponse(
            responseCode = "200",
            description = "The statistics",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "DailyStats"),
                            examples = @ExampleObject(name = "AAPL", value = EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A query parameter was given (code invalid_analytics_request)")
    @APIResponse(
            responseCode = "404",
            description =
                    "Unknown instrument (code unknown_instrument), or no trade in the last 24"
                            + " hours (code no_statistics)")
    public JsonObject stats(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol,
            @Context UriInfo uri) {
        AnalyticsInput.none("/api/v1/stats/{symbol}", uri.getQueryParameters());
        instruments.id(symbol);
        return analytics
                .stats(symbol)
                .map(AnalyticsJson::stats)
                .orElseThrow(() -> AnalyticsFailureException.noStatistics(symbol));
    }
}
