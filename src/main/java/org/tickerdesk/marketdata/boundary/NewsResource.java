package org.tickerdesk.marketdata.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tickerdesk.marketdata.control.NewsStore;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsItem;

/** The stored news over HTTP, newest first. */
@Path("news")
@Produces(MediaType.APPLICATION_JSON)
public class NewsResource {

    static final int DEFAULT_LIMIT = 50;

    @Inject NewsStore store;

    @GET
    @Operation(
            summary =
                    "The latest news from the market-data source (IBKR's bulletins), newest first",
            description = "limit: how many, 1 to 500 (default 50).")
    public List<NewsView> recent(@QueryParam("limit") String limit) {
        int count;
        try {
            count = limit(limit);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    Response.status(Response.Status.BAD_REQUEST)
                            .type(MediaType.APPLICATION_JSON)
                            .entity(
                                    Json.createObjectBuilder()
                                            .add("code", "bad_request")
                                            .add("message", e.getMessage())
                                            .build()
                                            .toString())
                            .build());
        }
        return store.recent(count).stream().map(NewsView::of).toList();
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= NewsStore.MAX_RECENT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, in the same words as a number out of range
        }
        throw new IllegalArgumentException(
                "limit must be a whole number from 1 to "
                        + NewsStore.MAX_RECENT
                        + ", not '"
                        + text
                        + "'");
    }

    /** A news item as JSON; type is regular, exchange_unavailable or exchange_available. */
    public record NewsView(
            long id,
            String source,
            String sourceId,
            String type,
            String headline,
            String body,
            String originExchange,
            String symbol,
            Instant receivedAt) {

        static NewsView of(NewsItem item) {
            News n = item.news();
            return new NewsView(
                    item.id(),
                    n.source(),
                    n.sourceId(),
                    n.type().name().toLowerCase(Locale.ROOT),
                    n.headline(),
                    n.body(),
                    n.originExchange(),
                    n.symbol(),
                    n.receivedAt());
        }
    }
}
