package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tickerdesk.marketdata.control.NewsStore;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsItem;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/** The stored news over HTTP, newest first. */
@Path("v1/news")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NewsResource {

    static final int DEFAULT_LIMIT = 50;

    @Inject NewsStore store;

    @GET
    @Operation(
            summary =
                    "The latest news from the market-data source (IBKR's bulletins), newest first",
            description = "limit: how many, 1 to 500 (default 50).")
    @APIResponse(
            responseCode = "200",
            description = "The news, newest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewsViews"),
                            examples =
                                    @ExampleObject(
                                            name = "a halt",
                                            value =
                                                    "[{\"id\":7,\"source\":\"ibkr\",\"sourceId\":\"1021\","
                                                        + "\"type\":\"regular\",\"headline\":\"Trading"
                                                        + " halted in XYZ\",\"receivedAt\":"
                                                        + "\"2025-11-20T14:30:00Z\"}]")))
    @APIResponse(
            responseCode = "400",
            description = "limit is not a whole number from 1 to 500 (code bad_request)")
    public List<NewsView> recent(
            @Parameter(description = "How many, 1 to 500, default 50", example = "50")
                    @QueryParam("limit")
                    String limit) {
        int count;
        try {
            count = limit(limit);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    400,
                    "bad_request",
                    "Bad request",
                    e.getMessage(),
                    List.of(new FieldError("limit", e.getMessage())));
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
