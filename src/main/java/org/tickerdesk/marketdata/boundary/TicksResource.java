package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.marketdata.boundary.QuotesResource.QuoteView;
import org.tickerdesk.marketdata.control.TickQuery;
import org.tickerdesk.marketdata.control.TickStore;
import org.tickerdesk.platform.control.ProblemException;

/** The recorded ticks of one instrument, oldest first, for backtests and charts of the tape. */
@Path("v1/ticks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicksResource {

    static final String EXAMPLE = "[" + QuotesResource.TICK_EXAMPLE + "]";

    @Inject TickStore store;

    @Inject InstrumentCatalog catalog;

    @Inject Clock clock;

    @GET
    @Path("{symbol}")
    @Operation(
            summary = "Recorded ticks of one instrument, oldest first",
            description =
                    "Each tick as the quote it made. Without 'from', the hour before 'to'; without"
                            + " 'to', up to now. Ticks are kept for the configured retention (48 h"
                            + " by default).")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "Inclusive; epoch milliseconds or ISO-8601")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Exclusive; default now")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 10000, default 1000")
    @APIResponse(
            responseCode = "200",
            description = "The ticks",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "QuoteViews"),
                            examples = @ExampleObject(name = "one tick", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid query (code invalid_tick_request)")
    @APIResponse(responseCode = "404", description = "Unknown instrument (code unknown_instrument)")
    public List<QuoteView> ticks(@PathParam("symbol") String symbol, @Context UriInfo uri) {
        TickQuery query = TickQuery.parse(uri.getQueryParameters(), clock.instant());
        Instrument instrument =
                catalog.find(symbol)
                        .orElseThrow(
                                () ->
                                        new ProblemException(
                                                404,
                                                "unknown_instrument",
                                                "Unknown instrument",
                                                symbol + " is not an instrument Tickerdesk knows"));
        return store
                .range(symbol, instrument.id(), query.from(), query.to(), query.limit())
                .stream()
                .map(QuoteView::of)
                .toList();
    }
}
