package org.tickerdesk.marketdata.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tickerdesk.marketdata.control.QuoteStore;
import org.tickerdesk.marketdata.entity.Quote;

/** The latest quotes over HTTP, for programs that poll rather than stream. */
@Path("quotes")
@Produces(MediaType.APPLICATION_JSON)
public class QuotesResource {

    @Inject QuoteStore store;

    @GET
    @Operation(summary = "The latest quote of every watched symbol (at most 60 s old)")
    public List<QuoteView> all() {
        return store.all().stream().map(QuoteView::of).toList();
    }

    @GET
    @Path("{symbol}")
    @Operation(summary = "The latest quote of one symbol")
    public QuoteView one(@PathParam("symbol") String symbol) {
        return store.latest(symbol)
                .map(QuoteView::of)
                .orElseThrow(
                        () ->
                                new NotFoundException(
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
