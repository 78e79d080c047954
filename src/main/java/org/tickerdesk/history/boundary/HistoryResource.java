package org.tickerdesk.history.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.history.control.BarStore;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.control.HistoryFetches;
import org.tickerdesk.history.control.HistoryInput;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.platform.control.JsonFields;

/**
 * Stored bars over HTTP: fetch one window from the history source and store it, and read what is
 * stored. Failures are {@link HistoryFailureException}s, answered as problem documents.
 */
@Path("v1/history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    static final List<String> FETCH_FIELDS =
            List.of("symbol", "barSize", "duration", "end", "whatToShow", "useRth");

    static final String FETCHED_EXAMPLE =
            "{\"symbol\":\"AAPL\",\"barSize\":\"1 min\",\"whatToShow\":\"TRADES\","
                    + "\"source\":\"ibkr\",\"stored\":390,\"first\":\"2025-11-20T14:30:00Z\","
                    + "\"last\":\"2025-11-20T20:59:00Z\"}";

    static final String BARS_EXAMPLE =
            "[{\"symbol\":\"AAPL\",\"barSize\":\"1 min\",\"whatToShow\":\"TRADES\","
                    + "\"start\":\"2025-11-20T14:30:00Z\",\"open\":189.1,\"high\":189.6,"
                    + "\"low\":189.0,\"close\":189.5,\"volume\":12000,\"wap\":189.31,"
                    + "\"count\":95,\"source\":\"ibkr\",\"fetchedAt\":\"2025-11-20T21:00:05Z\"}]";

    @Inject HistoryFetches fetches;

    @Inject InstrumentCatalog catalog;

    @Inject BarStore store;

    @POST
    @Path("fetch")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Fetch one window of bars from IBKR and store it",
            description =
                    "symbol, barSize (\"1 secs\" to \"1 month\", as IB spells them), duration"
                        + " (\"3600 S\", \"1 D\", \"2 W\", \"6 M\", \"1 Y\"), end (ISO-8601"
                        + " instant, default now), whatToShow (TRADES, MIDPOINT, BID, ASK, BID_ASK;"
                        + " default TRADES), useRth (default true). Blocks while IB's pacing holds"
                        + " the request.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "HistoryFetch"),
                            examples =
                                    @ExampleObject(
                                            name = "a day of minutes",
                                            value =
                                                    "{\"symbol\":\"AAPL\",\"barSize\":\"1 min\","
                                                            + "\"duration\":\"1 D\"}")))
    @APIResponse(
            responseCode = "200",
            description = "Fetched and stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "FetchedWindow"),
                            examples = @ExampleObject(name = "AAPL", value = FETCHED_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request, every field at fault (code invalid_history_request)")
    @APIResponse(responseCode = "404", description = "Unknown instrument (code unknown_instrument)")
    @APIResponse(responseCode = "409", description = "No history source (code no_history_source)")
    @APIResponse(
            responseCode = "422",
            description =
                    "IB knows no such contract (code no_such_contract) or refused (code"
                            + " refused_by_source)")
    @APIResponse(responseCode = "502", description = "IB sent impossible bars (code corrupt_data)")
    @APIResponse(
            responseCode = "504",
            description = "TWS not connected, or pacing held it too long (code source_timeout)")
    public JsonObject fetch(JsonObject body) {
        JsonFields fields =
                JsonFields.of(
                                body,
                                "The body must be a JSON object with symbol, barSize and duration",
                                HistoryFailureException::invalid)
                        .only(
                                FETCH_FIELDS,
                                field ->
                                        "'"
                                                + field
                                                + "' is not a field of a fetch; use "
                                                + String.join(", ", FETCH_FIELDS));
        String symbol = fields.text("symbol");
        String barSize = fields.text("barSize");
        String duration = fields.text("duration");
        String end = fields.text("end");
        String whatToShow = fields.text("whatToShow");
        String useRth = fields.flag("useRth");
        fields.refuseIfAnyError();
        return HistoryJson.fetched(
                fetches.fetch(
                        HistoryInput.window(
                                symbol,
                                barSize,
                                duration,
                                end,
                                whatToShow,
                                useRth,
                                Instant.now())));
    }

    @GET
    @Path("bars")
    @Operation(summary = "Stored bars of one series, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The bars; what IB did not send is null",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "StoredBars"),
                            examples = @ExampleObject(name = "one bar", value = BARS_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid query, every parameter at fault (code invalid_history_request)")
    @APIResponse(responseCode = "404", description = "Unknown instrument (code unknown_instrument)")
    public JsonArray bars(
            @Parameter(description = "The symbol", required = true, example = "AAPL")
                    @QueryParam("symbol")
                    String symbol,
            @Parameter(description = "As IB spells it", required = true, example = "1 min")
                    @QueryParam("barSize")
                    String barSize,
            @Parameter(description = "The series, default TRADES", example = "TRADES")
                    @QueryParam("whatToShow")
                    String whatToShow,
            @Parameter(
                            description = "ISO-8601 instant, inclusive",
                            example = "2025-11-20T14:30:00Z")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "ISO-8601 instant, exclusive",
                            example = "2025-11-20T15:00:00Z")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "1 to 10000, default 1000", example = "1000")
                    @QueryParam("limit")
                    String limit) {
        BarQuery query = HistoryInput.bars(symbol, barSize, whatToShow, from, to, limit);
        Instrument instrument =
                catalog.find(query.symbol())
                        .orElseThrow(
                                () -> HistoryFailureException.unknownInstrument(query.symbol()));
        return HistoryJson.bars(query, store.range(instrument.id(), query));
    }
}
