package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.tickerdesk.marketdata.entity.LatestQuote;
import org.tickerdesk.marketdata.entity.Quote;
import org.tickerdesk.platform.control.ProblemException;

/**
 * The latest quotes over HTTP, for programs that poll rather than stream. A symbol whose ticks
 * stopped keeps its last quote, marked stale, so a reader sees the last price and its age instead
 * of a gap or an old price passing for a current one.
 */
@Path("v1/quotes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuotesResource {

    static final String EXAMPLE =
            "{\"symbol\":\"AAPL\",\"bid\":189.49,\"ask\":189.51,\"last\":189.5,\"bidSize\":300,"
                    + "\"askSize\":200,\"lastSize\":100,\"volume\":1520300,"
                    + "\"ts\":1763649000123.456,\"marketDataType\":\"LIVE\",\"stale\":false,"
                    + "\"ageMillis\":840}";

    static final String STALE_EXAMPLE =
            "{\"symbol\":\"MSFT\",\"bid\":370.1,\"ask\":370.14,\"last\":370.12,\"bidSize\":100,"
                    + "\"askSize\":400,\"lastSize\":50,\"volume\":845100,"
                    + "\"ts\":1763648880000,\"marketDataType\":\"LIVE\",\"stale\":true,"
                    + "\"ageMillis\":120963}";

    static final String TICK_EXAMPLE =
            "{\"symbol\":\"AAPL\",\"bid\":189.49,\"ask\":189.51,\"last\":189.5,\"bidSize\":300,"
                    + "\"askSize\":200,\"lastSize\":100,\"volume\":1520300,"
                    + "\"ts\":1763649000123.456,\"marketDataType\":\"LIVE\"}";

    @Inject QuoteStore store;

    @GET
    @Operation(
            summary = "The last quote of every symbol quoted since the server started",
            description =
                    "Sorted by symbol. A quote whose source time is tickerdesk.marketdata"
                            + ".stale-seconds (60 by default) or more ago is stale: still the last"
                            + " price known, marked \"stale\":true with its age in ageMillis.")
    @APIResponse(
            responseCode = "200",
            description = "The quotes",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "QuoteViews"),
                            examples =
                                    @ExampleObject(
                                            name = "one fresh, one stale",
                                            value = "[" + EXAMPLE + "," + STALE_EXAMPLE + "]")))
    public List<QuoteView> all() {
        return store.all().stream().map(QuoteView::of).toList();
    }

    @GET
    @Path("{symbol}")
    @Operation(
            summary = "The latest quote of one symbol, with its staleness",
            description =
                    "The last quote known, however old: \"stale\":true once its source time (ts)"
                            + " is tickerdesk.marketdata.stale-seconds (60 by default) or more"
                            + " ago; ageMillis is its age when it was read.")
    @APIResponse(
            responseCode = "200",
            description = "The quote",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "QuoteView"),
                            examples = {
                                @ExampleObject(name = "fresh", value = EXAMPLE),
                                @ExampleObject(name = "stale", value = STALE_EXAMPLE)
                            }))
    @APIResponse(
            responseCode = "404",
            description =
                    "The symbol has not been quoted since the server started, or is not an"
                            + " instrument (code no_quote)")
    public QuoteView one(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol) {
        return store.lastKnown(symbol)
                .map(QuoteView::of)
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        404,
                                        "no_quote",
                                        "No quote",
                                        "No quote for "
                                                + symbol
                                                + " since the server started; is it on the"
                                                + " watchlist?"));
    }

    /**
     * A quote as JSON: a price the source has not sent is null, never NaN; ts in epoch ms with µs
     * as fraction. stale and ageMillis are there for a latest quote and left out for a recorded
     * tick, whose age is not the point.
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
            String marketDataType,
            @Schema(
                            description =
                                    "Whether the quote is stale: its source time is"
                                            + " tickerdesk.marketdata.stale-seconds or more ago."
                                            + " Latest quotes only.")
                    Boolean stale,
            @Schema(
                            description =
                                    "Milliseconds since the quote's source time, when it was"
                                            + " read. Latest quotes only.")
                    Long ageMillis) {

        static QuoteView of(LatestQuote latest) {
            return of(latest.quote(), latest.stale(), latest.ageMillis());
        }

        static QuoteView of(Quote q) {
            return of(q, null, null);
        }

        private static QuoteView of(Quote q, Boolean stale, Long ageMillis) {
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
                    q.type().name(),
                    stale,
                    ageMillis);
        }

        private static Double price(double value) {
            return Double.isNaN(value) ? null : value;
        }
    }
}
