package org.tickerdesk.analytics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tickerdesk.analytics.control.ChartCandles;
import org.tickerdesk.history.control.ReadInput;
import org.tickerdesk.history.entity.CandleQuery;

/**
 * Candles as a chart takes them: compact, the start in epoch milliseconds, oldest first; stored
 * bars up to where the live candles begin, then the live ones, the forming candle last with {@code
 * "x":false} ({@link ChartCandles}). Its query and refusals are history's, as they were when it
 * served stored bars alone.
 */
@Path("v1/candles")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CandlesResource {

    static final String EXAMPLE =
            "{\"symbol\":\"AAPL\",\"interval\":\"1m\",\"whatToShow\":\"TRADES\",\"candles\":["
                    + "{\"t\":1763649000000,\"o\":189.1,\"h\":189.6,\"l\":189,\"c\":189.5,"
                    + "\"v\":12000},{\"t\":1763649060000,\"o\":189.5,\"h\":189.7,\"l\":189.4,"
                    + "\"c\":189.45,\"v\":8300,\"x\":false}]}";

    @Inject InstrumentIds instruments;

    @Inject ChartCandles chart;

    @GET
    @Path("{symbol}")
    @Operation(
            summary = "Candles for a chart, stored and live as one series, oldest first",
            description =
                    "Stored bars up to where the live candles (1m, 5m, 15m, 1h, 1d, built from the"
                        + " ticks since the server started) begin, then the live ones; the candle"
                        + " still forming is last and has \"x\":false, a candle without x is final."
                        + " With 'from': the first 'limit' candles from it (and before 'to')."
                        + " Without 'from': the latest 'limit' candles before 'to' (or the latest"
                        + " of all), still oldest first. TRADES; MIDPOINT for an instrument that"
                        + " does not trade (FX). v is null where the series has no volume. Unknown"
                        + " parameters are refused.")
    @Parameter(
            name = "interval",
            in = ParameterIn.QUERY,
            required = true,
            description = "1s 5s 10s 15s 30s 1m 2m 3m 5m 10m 15m 20m 30m 1h 2h 3h 4h 8h 1d 1w 1M",
            example = "1m")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "Inclusive; epoch milliseconds or ISO-8601 instant",
            example = "1763649000000")
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "Exclusive; epoch milliseconds or ISO-8601 instant",
            example = "1763672400000")
    @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "1 to 10000, default 1000",
            example = "1000")
    @APIResponse(
            responseCode = "200",
            description = "The candles; t is the start in epoch milliseconds",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Candles"),
                            examples = @ExampleObject(name = "two minutes", value = EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid query, every parameter at fault named (code invalid_history_request)")
    @APIResponse(responseCode = "404", description = "Unknown instrument (code unknown_instrument)")
    public String candles(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol,
            @Context UriInfo uri) {
        CandleQuery query = ReadInput.candles(symbol, uri.getQueryParameters());
        long instrument = instruments.id(symbol);
        return AnalyticsJson.candles(symbol, query.interval(), chart.read(instrument, query));
    }
}
