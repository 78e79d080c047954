package org.tickerdesk.history.boundary;

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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.history.control.BarStore;
import org.tickerdesk.history.control.HistoryFailure;
import org.tickerdesk.history.control.HistoryFetches;
import org.tickerdesk.history.control.HistoryInput;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.platform.control.JsonFields;

/**
 * Stored bars over HTTP: fetch one window from the history source and store it, and read what is
 * stored. Failures are answered by {@link HistoryFailureMapper}.
 */
@Path("history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private static final Set<String> FETCH_FIELDS =
            Set.of("symbol", "barSize", "duration", "end", "whatToShow", "useRth");

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
                    "Body: symbol, barSize (\"1 secs\" to \"1 month\", as IB spells them), duration"
                        + " (\"3600 S\", \"1 D\", \"2 W\", \"6 M\", \"1 Y\"), end (ISO-8601"
                        + " instant, default now), whatToShow (TRADES, MIDPOINT, BID, ASK, BID_ASK;"
                        + " default TRADES), useRth (default true). Answers symbol, barSize,"
                        + " whatToShow, source, stored, first and last. Blocks while IB's pacing"
                        + " holds the request.")
    public JsonObject fetch(JsonObject body) {
        if (body == null) {
            throw HistoryFailure.invalid(
                    List.of("The body must be a JSON object with symbol, barSize and duration"));
        }
        List<String> unknown =
                body.keySet().stream()
                        .filter(field -> !FETCH_FIELDS.contains(field))
                        .sorted()
                        .map(
                                field ->
                                        "'"
                                                + field
                                                + "' is not a field of a fetch; use symbol,"
                                                + " barSize, duration, end, whatToShow, useRth")
                        .toList();
        if (!unknown.isEmpty()) {
            throw HistoryFailure.invalid(unknown);
        }
        return HistoryJson.fetched(
                fetches.fetch(
                        HistoryInput.window(
                                text(body, "symbol"),
                                text(body, "barSize"),
                                text(body, "duration"),
                                text(body, "end"),
                                text(body, "whatToShow"),
                                text(body, "useRth"),
                                Instant.now())));
    }

    @GET
    @Path("bars")
    @Operation(
            summary = "Stored bars of one series, oldest first",
            description =
                    "symbol and barSize required; whatToShow (default TRADES); from (inclusive) and"
                            + " to (exclusive), ISO-8601 instants; limit (default 1000, at most"
                            + " 10000).")
    public JsonArray bars(
            @QueryParam("symbol") String symbol,
            @QueryParam("barSize") String barSize,
            @QueryParam("whatToShow") String whatToShow,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit) {
        BarQuery query = HistoryInput.bars(symbol, barSize, whatToShow, from, to, limit);
        Instrument instrument =
                catalog.find(query.symbol())
                        .orElseThrow(() -> HistoryFailure.unknownInstrument(query.symbol()));
        return HistoryJson.bars(query, store.range(instrument.id(), query));
    }

    private static String text(JsonObject body, String field) {
        return JsonFields.scalar(body, field, message -> HistoryFailure.invalid(List.of(message)));
    }
}
