package org.tickerdesk.history.boundary;

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
import org.tickerdesk.history.control.BarStore;
import org.tickerdesk.history.control.Coverage;
import org.tickerdesk.history.control.ReadInput;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.CoverageQuery;
import org.tickerdesk.history.entity.CoverageReport;
import org.tickerdesk.instruments.entity.Instrument;

/**
 * Stored bars over HTTP, and how much of a series is stored: its count, its ends and its gaps
 * within the instrument's trading sessions. A parameter these endpoints do not take is refused, not
 * ignored. Failures are {@link org.tickerdesk.history.control.HistoryFailureException}s, answered
 * as problem documents.
 */
@Path("v1/bars")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class BarsResource {

    static final String BARS_EXAMPLE =
            "[{\"symbol\":\"AAPL\",\"barSize\":\"1m\",\"whatToShow\":\"TRADES\","
                    + "\"start\":\"2025-11-20T14:30:00Z\",\"open\":189.1,\"high\":189.6,"
                    + "\"low\":189.0,\"close\":189.5,\"volume\":12000,\"wap\":189.31,"
                    + "\"count\":95,\"source\":\"ibkr\",\"fetchedAt\":\"2025-11-20T21:00:05Z\"}]";

    static final String COVERAGE_EXAMPLE =
            "{\"symbol\":\"AAPL\",\"barSize\":\"1m\",\"whatToShow\":\"TRADES\","
                    + "\"from\":\"2025-11-24T00:00:00Z\",\"to\":\"2025-11-29T00:00:00Z\","
                    + "\"count\":930,\"first\":\"2025-11-24T14:30:00Z\","
                    + "\"last\":\"2025-11-28T16:59:00Z\",\"calendar\":\"regular US equities'"
                    + " hours in America/New_York on NYSE trading days\",\"gaps\":["
                    + "{\"from\":\"2025-11-25T14:30:00Z\",\"to\":\"2025-11-25T21:00:00Z\"},"
                    + "{\"from\":\"2025-11-28T17:00:00Z\",\"to\":\"2025-11-28T18:00:00Z\"}]}";

    @Inject KnownInstruments instruments;

    @Inject BarStore store;

    @Inject Coverage coverage;

    @GET
    @Path("{symbol}")
    @Operation(
            summary = "Stored bars of one series, oldest first",
            description =
                    "The first 'limit' bars starting at or after 'from' and before 'to'; to page"
                        + " on, ask again from the last start plus one bar. Unknown parameters are"
                        + " refused.")
    @Parameter(
            name = "barSize",
            in = ParameterIn.QUERY,
            required = true,
            description = "1s 5s 10s 15s 30s 1m 2m 3m 5m 10m 15m 20m 30m 1h 2h 3h 4h 8h 1d 1w 1M",
            example = "1m")
    @Parameter(
            name = "whatToShow",
            in = ParameterIn.QUERY,
            description = "TRADES (default), MIDPOINT, BID, ASK or BID_ASK",
            example = "TRADES")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "Inclusive; ISO-8601 instant or epoch milliseconds",
            example = "2025-11-20T14:30:00Z")
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description = "Exclusive; ISO-8601 instant or epoch milliseconds",
            example = "2025-11-20T21:00:00Z")
    @Parameter(
            name = "limit",
            in = ParameterIn.QUERY,
            description = "1 to 10000, default 1000",
            example = "1000")
    @APIResponse(
            responseCode = "200",
            description = "The bars; what the source did not send is null",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "StoredBars"),
                            examples = @ExampleObject(name = "one bar", value = BARS_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid query, every parameter at fault named (code invalid_history_request)")
    @APIResponse(responseCode = "404", description = "Unknown instrument (code unknown_instrument)")
    public String bars(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol,
            @Context UriInfo uri) {
        BarQuery query = ReadInput.bars(symbol, uri.getQueryParameters());
        return HistoryJson.bars(query, store.range(instruments.id(symbol), query));
    }

    @GET
    @Path("{symbol}/coverage")
    @Operation(
            summary = "How much of a series is stored, and its gaps within the trading sessions",
            description =
                    "A gap is a stretch of a trading session where no bar is stored and at least"
                        + " one would start; daily and longer bars miss a trading day (week, month)"
                        + " without a bar. Sessions come from IB's contract details where the"
                        + " instrument was looked up, for the days they list, and otherwise from"
                        + " the exchange's rules (US equities with NYSE holidays, FX, crypto, CME"
                        + " futures); an unknown exchange is taken as open around the clock, and"
                        + " 'calendar' says which. Without 'from' and 'to' the range is the first"
                        + " stored bar to the end of the last.")
    @Parameter(
            name = "barSize",
            in = ParameterIn.QUERY,
            required = true,
            description = "1s 5s 10s 15s 30s 1m 2m 3m 5m 10m 15m 20m 30m 1h 2h 3h 4h 8h 1d 1w 1M",
            example = "1m")
    @Parameter(
            name = "whatToShow",
            in = ParameterIn.QUERY,
            description = "TRADES (default), MIDPOINT, BID, ASK or BID_ASK",
            example = "TRADES")
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description =
                    "Inclusive; ISO-8601 instant or epoch milliseconds; default the first bar",
            example = "2025-11-24T00:00:00Z")
    @Parameter(
            name = "to",
            in = ParameterIn.QUERY,
            description =
                    "Exclusive; ISO-8601 instant or epoch milliseconds; default the end of the last"
                            + " bar",
            example = "2025-11-29T00:00:00Z")
    @Parameter(
            name = "rthOnly",
            in = ParameterIn.QUERY,
            description = "true: regular trading hours only; false (default): all trading hours",
            example = "true")
    @APIResponse(
            responseCode = "200",
            description = "The coverage; first and last are null when nothing is stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Coverage"),
                            examples =
                                    @ExampleObject(
                                            name = "a week with Thanksgiving",
                                            value = COVERAGE_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid query, every parameter at fault named (code invalid_history_request)")
    @APIResponse(responseCode = "404", description = "Unknown instrument (code unknown_instrument)")
    public String coverage(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol,
            @Context UriInfo uri) {
        CoverageQuery query = ReadInput.coverage(symbol, uri.getQueryParameters());
        Instrument instrument = instruments.find(symbol);
        CoverageReport report =
                coverage.report(
                        instrument.id(),
                        instrument.contract(),
                        instrument.details(),
                        query.barSize(),
                        query.whatToShow(),
                        query.from(),
                        query.to(),
                        query.regularHoursOnly());
        return HistoryJson.coverage(query, report);
    }
}
