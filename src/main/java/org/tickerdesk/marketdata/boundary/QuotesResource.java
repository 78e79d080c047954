package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.platform.control.ProblemException;

/** The latest quotes over HTTP, for programs that poll rather than stream. */
@Path("v1/quotes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuotesResource {

    static final String EXAMPLE =
            "{\"symbol\":\"AAPL\",\"bid\":189.49,\"ask\":189.51,\"last\":189.5,\"bidSize\":300,"
                    + "\"askSize\":200,\"lastSize\":100,\"volume\":1520300,"
                    + "\"ts\":1763649000123.456,\"marketDataType\":\"REALTIME\"}";

    @Inject QuoteStore store;

    @GET
    @Operation(summary = "The latest quote of every watched symbol (at most 60 s old)")
    @APIResponse(
            responseCode = "200",
            description = "The quotes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "QuoteViews"),
                            examples = @ExampleObject(name = "one", value = "[" + EXAMPLE + "]")))
    public List<QuoteView> all() {
        return store.all().stream().map(QuoteView::of).toList();
    }

    @GET
    @Path("{symbol}")
    @Operation(summary = "The latest quote of one symbol")
    @APIResponse(
            responseCode = "200",
            description = "The quote",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "QuoteView"),
                            examples = @ExampleObject(name = "AAPL", value = EXAMPLE)))
    @APIResponse(
            responseCode = "404",
            description = "No quote for the symbol in the last 60 s (code no_quote)")
    public QuoteView one(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol) {
        return store.latest(symbol)
                .map(QuoteView::of)
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        404,
                                        "no_quote",
                                        "No quote",
                                        "No quote for " + symbol + " in the last 60 s"));
    }

    /**
     * A quote as JSON: a price the source has not sent is null, never NaN; ts in epoch ms with µs
     * as fraction.
     */
    public record QuoteView(
            String symbol,
            Double bid,
            Double ask,
            Double last,
            long bidSize,
            long askSize,
            long lastSize,
            long volume,
            BigDecimal ts,
            String marketDataType) {

        static QuoteView of(Quote q) {
            return new QuoteView(
                    q.symbol(),
                    price(q.bid()),
                    price(q.ask()),
                    price(q.last()),
                    q.bidSize(),
                    q.askSize(),
                    q.lastSize(),
                    q.volume(),
                    BigDecimal.valueOf(q.timestampMicros(), 3),
                    q.type().name());
        }

        private static Double price(double value) {
            return Double.isNaN(value) ? null : value;
        }
    }
}
