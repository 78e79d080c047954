package org.tickerdesk.marketdata.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.marketdata.control.NewsStore;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsItem;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * The stored news over HTTP, newest first, and the way in for any other feed: a program with an
 * admin's token posts news, which is stored once per source and id and goes out on the {@code
 * news:} streams as a market-data source's news does.
 */
@Path("v1/news")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class NewsResource {

    static final int DEFAULT_LIMIT = 50;

    static final String ITEM_EXAMPLE =
            "{\"id\":42,\"source\":\"benzinga\",\"sourceId\":\"bz-3391\",\"type\":\"regular\","
                    + "\"headline\":\"Apple to open a plant in Texas\",\"body\":\"Apple said on"
                    + " Thursday…\",\"symbol\":\"AAPL\",\"url\":\"https://example.com/aapl-texas\","
                    + "\"publishedAt\":\"2025-11-20T14:29:30Z\",\"receivedAt\":"
                    + "\"2025-11-20T14:30:00.120Z\"}";

    static final String BULLETIN_EXAMPLE =
            "{\"id\":7,\"source\":\"ibkr\",\"sourceId\":\"1021\",\"type\":\"regular\","
                    + "\"headline\":\"Trading halted in XYZ\",\"publishedAt\":"
                    + "\"2025-11-20T14:30:00Z\",\"receivedAt\":\"2025-11-20T14:30:00Z\"}";

    @Inject NewsStore store;

    @Inject InstrumentCatalog catalog;

    @Inject Clock clock;

    @GET
    @Operation(
            summary = "The latest news, newest first, of every source and symbol",
            description =
                    "IBKR's bulletins and the news posted to this endpoint, by when Tickerdesk"
                            + " received them. limit: how many, 1 to 500 (default 50).")
    @APIResponse(
            responseCode = "200",
            description = "The news, newest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewsViews"),
                            examples =
                                    @ExampleObject(
                                            name = "a story and a halt",
                                            value =
                                                    "["
                                                            + ITEM_EXAMPLE
                                                            + ","
                                                            + BULLETIN_EXAMPLE
                                                            + "]")))
    @APIResponse(
            responseCode = "400",
            description = "limit is not a whole number from 1 to 500 (code bad_request)")
    public List<NewsView> recent(
            @Parameter(description = "How many, 1 to 500, default 50", example = "50")
                    @QueryParam("limit")
                    String limit) {
        return store.recent(count(limit)).stream().map(NewsView::of).toList();
    }

    @GET
    @Path("{symbol}")
    @Operation(
            summary = "The latest news about one symbol, newest first",
            description = "limit: how many, 1 to 500 (default 50). General news is not included.")
    @APIResponse(
            responseCode = "200",
            description = "The news about the symbol, newest first; empty when there is none",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewsViews"),
                            examples =
                                    @ExampleObject(
                                            name = "a story",
                                            value = "[" + ITEM_EXAMPLE + "]")))
    @APIResponse(
            responseCode = "400",
            description = "limit is not a whole number from 1 to 500 (code bad_request)")
    @APIResponse(
            responseCode = "404",
            description =
                    "The symbol is not an instrument Tickerdesk knows (code unknown_instrument)")
    public List<NewsView> about(
            @Parameter(description = "The symbol, e.g. AAPL", example = "AAPL") @PathParam("symbol")
                    String symbol,
            @Parameter(description = "How many, 1 to 500, default 50", example = "50")
                    @QueryParam("limit")
                    String limit) {
        int count = count(limit);
        if (!isInstrument(symbol)) {
            throw new ProblemException(
                    404,
                    "unknown_instrument",
                    "Unknown instrument",
                    symbol + " is not an instrument Tickerdesk knows");
        }
        return store.about(symbol, count).stream().map(NewsView::of).toList();
    }

    @GET
    @Path("items/{id}")
    @Operation(summary = "One stored news item, by the id Tickerdesk gave it")
    @APIResponse(
            responseCode = "200",
            description = "The item",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewsView"),
                            examples = @ExampleObject(name = "a story", value = ITEM_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such news item (code unknown_news)")
    public NewsView item(
            @Parameter(description = "The item's id", example = "42") @PathParam("id") String id) {
        return parseId(id)
                .flatMap(store::find)
                .map(NewsView::of)
                .orElseThrow(
                        () ->
                                new ProblemException(
                                        404,
                                        "unknown_news",
                                        "Unknown news",
                                        "No news item " + id + " is stored"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Post news from a feed of your own",
            description =
                    "Needs an admin's bearer token (a login cookie is not enough). headline (1 to"
                            + " 300 characters, not blank) and source (the feed's name: 1 to 16 of"
                            + " a-z 0-9 -, not a source of Tickerdesk's own such as ibkr) are"
                            + " required; symbol (a known instrument; left out, the news is"
                            + " general), body (the text, up to 100000 characters), url (http or"
                            + " https, up to 2048), publishedAt (ISO-8601 with offset; default"
                            + " now) and id (the item's id at its source, 1 to 64 characters) are"
                            + " optional. The same source and id again stores nothing and answers"
                            + " 200 with the item stored first. New news goes out on news:<symbol>"
                            + " and news:*.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewsSubmission"),
                            examples = {
                                @ExampleObject(
                                        name = "about a symbol",
                                        value =
                                                "{\"source\":\"benzinga\",\"id\":\"bz-3391\",\"symbol\":\"AAPL\",\"headline\":\"Apple"
                                                    + " to open a plant in Texas\",\"body\":\"Apple"
                                                    + " said on Thursday…\","
                                                    + "\"url\":\"https://example.com/aapl-texas\","
                                                    + "\"publishedAt\":\"2025-11-20T14:29:30Z\"}"),
                                @ExampleObject(
                                        name = "general",
                                        value =
                                                "{\"source\":\"desk-notes\",\"headline\":"
                                                        + "\"Fed minutes at 14:00 ET\"}")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Stored and sent on the news streams; Location names the item",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewsView"),
                            examples = @ExampleObject(name = "a story", value = ITEM_EXAMPLE)))
    @APIResponse(
            responseCode = "200",
            description =
                    "The source and id name news stored before: nothing stored nor sent, the body"
                            + " is the item stored first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "NewsView"),
                            examples = @ExampleObject(name = "a story", value = ITEM_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "A field is unknown, of the wrong type, missing, blank, too long or not"
                            + " valid; errors names each one (code invalid_news)")
    @APIResponse(
            responseCode = "403",
            description = "The token is a viewer's, not an admin's (code forbidden)")
    public Response post(JsonObject body, @Context UriInfo uri) {
        News news = NewsSubmission.read(body, clock.instant(), this::isInstrument);
        NewsStore.Ingested ingested = store.ingest(news);
        NewsView view = NewsView.of(ingested.item());
        if (!ingested.created()) {
            return Response.ok(view).build();
        }
        return Response.created(
                        uri.getAbsolutePathBuilder()
                                .path("items")
                                .path(Long.toString(view.id()))
                                .build())
                .entity(view)
                .build();
    }

    private boolean isInstrument(String symbol) {
        return catalog.isWatched(symbol) || catalog.find(symbol).isPresent();
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int count(String limit) {
        try {
            return limit(limit);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    400,
                    "bad_request",
                    "Bad request",
                    e.getMessage(),
                    List.of(new FieldError("limit", e.getMessage())));
        }
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

    /**
     * A news item as JSON; type is regular, exchange_unavailable or exchange_available; what the
     * source did not give is left out.
     */
    public record NewsView(
            long id,
            String source,
            String sourceId,
            String type,
            String headline,
            String body,
            String originExchange,
            String symbol,
            String url,
            Instant publishedAt,
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
                    n.url(),
                    n.publishedAt(),
                    n.receivedAt());
        }
    }
}
