package org.tickerdesk.instruments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.instruments.control.ContractInput;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.control.InvalidInstrumentException;
import org.tickerdesk.instruments.control.LookupInput;
import org.tickerdesk.instruments.control.UnknownInstrumentException;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.platform.control.JsonFields;

/** Instruments and the watchlist over HTTP, and looking instruments up at the broker. */
@Path("v1/instruments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentsResource {

    static final List<String> FIELDS =
            List.of("symbol", "kind", "exchange", "currency", "tickSize", "expiry", "description");

    static final List<String> LOOKUP_FIELDS =
            List.of("conId", "symbol", "kind", "exchange", "currency", "expiry");

    static final String EXAMPLE =
            "{\"symbol\":\"AAPL\",\"kind\":\"stock\",\"exchange\":\"SMART\",\"currency\":\"USD\","
                    + "\"tickSize\":0.01,\"description\":\"Apple\",\"watched\":true}";

    @Inject InstrumentCatalog catalog;

    @GET
    @Operation(summary = "Every instrument Tickerdesk knows, watched or not")
    @APIResponse(
            responseCode = "200",
            description = "The instruments, by symbol",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "InstrumentViews"),
                            examples = @ExampleObject(name = "one", value = "[" + EXAMPLE + "]")))
    public List<InstrumentView> all() {
        return catalog.all().stream().map(InstrumentView::of).toList();
    }

    @GET
    @Path("{symbol}")
    @Operation(summary = "One instrument")
    @APIResponse(
            responseCode = "200",
            description = "The instrument",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "InstrumentView"),
                            examples = @ExampleObject(name = "AAPL", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such instrument (code unknown_instrument)")
    public InstrumentView one(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol) {
        return known(symbol).map(InstrumentView::of).orElseThrow(() -> unknown(symbol));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Put an instrument on the watchlist",
            description =
                    "symbol (required), kind (stock|future|option|event, default stock), exchange"
                            + " (SMART), currency (USD), tickSize (0.01; 0.00000001 to 1000000),"
                            + " expiry (YYYY-MM-DD, required for all but stocks), description (at"
                            + " most 200 characters). Unknown fields are refused.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewInstrument"),
                            examples =
                                    @ExampleObject(
                                            name = "IBM",
                                            value =
                                                    "{\"symbol\":\"IBM\",\"tickSize\":0.01,"
                                                            + "\"description\":\"International"
                                                            + " Business Machines\"}")))
    @APIResponse(
            responseCode = "201",
            description = "On the watchlist; Location names the instrument",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "InstrumentView"),
                            examples = @ExampleObject(name = "AAPL", value = EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid instrument, every field at fault listed (code invalid_instrument)")
    @APIResponse(
            responseCode = "409",
            description =
                    "Already on the watchlist, or known with other details (code"
                            + " instrument_conflict)")
    public Response watch(JsonObject body, @Context UriInfo uri) {
        ContractInput input = input(body);
        Instrument instrument = catalog.watch(input.toContract(), input.description());
        return Response.created(uri.getAbsolutePathBuilder().path(instrument.symbol()).build())
                .entity(InstrumentView.of(instrument))
                .build();
    }

    /** The body's fields by their types; unknown fields are refused, as most likely misspelt. */
    static ContractInput input(JsonObject body) {
        JsonFields fields =
                JsonFields.of(
                                body,
                                "The body must be a JSON object describing the instrument",
                                InvalidInstrumentException::new)
                        .only(
                                FIELDS,
                                field ->
                                        "'"
                                                + field
                                                + "' is not a field of an instrument; use "
                                                + String.join(", ", FIELDS));
        ContractInput input =
                new ContractInput(
                        fields.text("symbol"),
                        fields.text("kind"),
                        fields.text("exchange"),
                        fields.text("currency"),
                        fields.number("tickSize"),
                        fields.text("expiry"),
                        fields.text("description"));
        fields.refuseIfAnyError();
        return input;
    }

    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary =
                    "Look an instrument up at IBKR, store its details and put it on the watchlist",
            description =
                    "Body: {\"conId\": 265598} or {\"symbol\": \"AAPL\"} with optional kind"
                        + " (stock|future|option|event, default stock), exchange, currency and"
                        + " expiry (YYYY-MM-DD, or YYYY-MM for a future's contract month) to narrow"
                        + " it.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "Lookup"),
                            examples = {
                                @ExampleObject(name = "by symbol", value = "{\"symbol\":\"AAPL\"}"),
                                @ExampleObject(name = "by conId", value = "{\"conId\":265598}")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "A new instrument was stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "InstrumentView"),
                            examples = @ExampleObject(name = "AAPL", value = EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description = "A known instrument was updated",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "InstrumentView"),
                            examples = @ExampleObject(name = "AAPL", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid lookup (code invalid_instrument)")
    @APIResponse(
            responseCode = "404",
            description = "No such instrument at IBKR (code no_such_instrument)")
    @APIResponse(responseCode = "409", description = "IBKR not used (code lookup_not_available)")
    @APIResponse(
            responseCode = "422",
            description =
                    "Several contracts match, listed under matches (code ambiguous_instrument)")
    @APIResponse(responseCode = "502", description = "IBKR refused (code broker_refused)")
    @APIResponse(
            responseCode = "503",
            description = "TWS not connected (code broker_not_connected)")
    @APIResponse(
            responseCode = "504",
            description = "No answer from TWS in time (code broker_timeout)")
    public Response lookup(JsonObject body, @Context UriInfo uri) {
        LookupInput input = lookupInput(body);
        InstrumentCatalog.Resolution resolved = catalog.resolve(input.toQuery());
        InstrumentView view = InstrumentView.of(resolved.instrument());
        if (!resolved.created()) {
            return Response.ok(view).build();
        }
        return Response.created(
                        uri.getBaseUriBuilder()
                                .path(InstrumentsResource.class)
                                .path(view.symbol())
                                .build())
                .entity(view)
                .build();
    }

    /**
     * Unknown fields are refused: a misspelt "curency" silently ignored would look up the wrong
     * contract.
     */
    static LookupInput lookupInput(JsonObject body) {
        JsonFields fields =
                JsonFields.of(
                                body,
                                "The body must be a JSON object: {\"symbol\": \"AAPL\"} or"
                                        + " {\"conId\": 265598}",
                                InvalidInstrumentException::new)
                        .only(
                                LOOKUP_FIELDS,
                                field ->
                                        "'"
                                                + field
                                                + "' is not a lookup field; use conId, or symbol"
                                                + " with kind, exchange, currency and expiry");
        LookupInput input =
                new LookupInput(
                        fields.number("conId"),
                        fields.text("symbol"),
                        fields.text("kind"),
                        fields.text("exchange"),
                        fields.text("currency"),
                        fields.text("expiry"));
        fields.refuseIfAnyError();
        return input;
    }

    @DELETE
    @Path("{symbol}")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Take an instrument off the watchlist (the instrument and its history stay)")
    @APIResponse(responseCode = "204", description = "Off the watchlist")
    @APIResponse(responseCode = "404", description = "No such instrument (code unknown_instrument)")
    @APIResponse(
            responseCode = "409",
            description = "Not on the watchlist (code instrument_conflict)")
    public Response unwatch(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol) {
        if (!Contract.SYMBOL.matcher(symbol).matches()) {
            throw unknown(symbol);
        }
        catalog.unwatch(symbol);
        return Response.noContent().build();
    }

    /** A path that cannot be a symbol names nothing; it is not worth asking the database. */
    private Optional<Instrument> known(String symbol) {
        return Contract.SYMBOL.matcher(symbol).matches() ? catalog.find(symbol) : Optional.empty();
    }

    private static UnknownInstrumentException unknown(String symbol) {
        return new UnknownInstrumentException(symbol);
    }
}
