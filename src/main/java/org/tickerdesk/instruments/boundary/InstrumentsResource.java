package org.tickerdesk.instruments.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.instruments.control.ContractInput;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.control.InvalidInstrument;
import org.tickerdesk.instruments.control.LookupInput;
import org.tickerdesk.instruments.entity.Instrument;
import org.tickerdesk.platform.control.JsonFields;

/** Instruments and the watchlist over HTTP, and looking instruments up at the broker. */
@Path("instruments")
@Produces(MediaType.APPLICATION_JSON)
public class InstrumentsResource {

    static final Set<String> LOOKUP_FIELDS =
            Set.of("conId", "symbol", "kind", "exchange", "currency", "expiry");

    @Inject InstrumentCatalog catalog;

    @GET
    @Operation(summary = "Every instrument Tickerdesk knows, watched or not")
    public List<InstrumentView> all() {
        return catalog.all().stream().map(InstrumentView::of).toList();
    }

    @GET
    @Path("{symbol}")
    @Operation(summary = "One instrument")
    public InstrumentView one(@PathParam("symbol") String symbol) {
        return catalog.find(symbol)
                .map(InstrumentView::of)
                .orElseThrow(() -> new NotFoundException("No instrument " + symbol));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Put an instrument on the watchlist",
            description =
                    "Body: symbol (required), kind (stock|future|option|event, default stock),"
                        + " exchange (SMART), currency (USD), tickSize (0.01), expiry (YYYY-MM-DD,"
                        + " required for all but stocks), description.")
    public Response watch(JsonObject body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidInstrument("The body must be a JSON object describing the instrument");
        }
        ContractInput input =
                new ContractInput(
                        text(body, "symbol"),
                        text(body, "kind"),
                        text(body, "exchange"),
                        text(body, "currency"),
                        text(body, "tickSize"),
                        text(body, "expiry"));
        Instrument instrument = catalog.watch(input.toContract(), text(body, "description"));
        return Response.created(uri.getAbsolutePathBuilder().path(instrument.symbol()).build())
                .entity(InstrumentView.of(instrument))
                .build();
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
                        + " it. 201 with the new instrument, 200 with a known one updated; 400 bad"
                        + " input; 404 no such instrument at IBKR; 409 IBKR not used; 422 several"
                        + " contracts match (listed under matches); 502 IBKR refused; 503 TWS not"
                        + " connected; 504 no answer from TWS in time.")
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
        if (body == null) {
            throw new InvalidInstrument(
                    "The body must be a JSON object: {\"symbol\": \"AAPL\"} or {\"conId\":"
                            + " 265598}");
        }
        for (String field : body.keySet()) {
            if (!LOOKUP_FIELDS.contains(field)) {
                throw new InvalidInstrument(
                        "'"
                                + field
                                + "' is not a lookup field; use conId, or symbol with kind,"
                                + " exchange, currency and expiry");
            }
        }
        return new LookupInput(
                text(body, "conId"),
                text(body, "symbol"),
                text(body, "kind"),
                text(body, "exchange"),
                text(body, "currency"),
                text(body, "expiry"));
    }

    @DELETE
    @Path("{symbol}")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Take an instrument off the watchlist (the instrument and its history stay)")
    public Response unwatch(@PathParam("symbol") String symbol) {
        catalog.unwatch(symbol);
        return Response.noContent().build();
    }

    private static String text(JsonObject body, String field) {
        return JsonFields.text(body, field, InvalidInstrument::new);
    }
}
