package org.tickerdesk.marketdata.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tickerdesk.marketdata.control.InvalidNewsException;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsType;
import org.tickerdesk.platform.control.StrictJson;
import org.tickerdesk.platform.entity.FieldError;

/**
 * What POST /api/v1/news takes: a headline and a source, optionally a symbol Tickerdesk knows, a
 * text, a link, a time of publication and the item's id at its source; anything else is refused,
 * every field at fault named in one answer.
 */
class NewsSubmissionTest {

    private static final Instant NOW = Instant.parse("2025-11-20T14:30:00.120Z");
    private static final Set<String> INSTRUMENTS = Set.of("AAPL", "BRK.B");

    private static News read(String body) {
        return NewsSubmission.read(
                new StrictJson(65_536).readObject(body), NOW, INSTRUMENTS::contains);
    }

    private static List<FieldError> refusal(String body) {
        InvalidNewsException e = assertThrows(InvalidNewsException.class, () -> read(body));
        assertEquals("invalid_news", e.code());
        assertEquals(400, e.status());
        return e.errors();
    }

    private static List<String> fieldsAtFault(String body) {
        return refusal(body).stream().map(FieldError::field).toList();
    }

    @Test
    void everyFieldIsTakenAsGiven() {
        News news =
                read(
                        "{\"source\":\"benzinga\",\"id\":\"bz-3391\",\"symbol\":\"AAPL\","
                                + "\"headline\":\"  Apple to open a plant in Texas \","
                                + "\"body\":\"Apple said on Thursday\\nthat it would.\","
                                + "\"url\":\"https://example.com/aapl-texas\","
                                + "\"publishedAt\":\"2025-11-20T09:29:30-05:00\"}");

        assertEquals(
                new News(
                        "benzinga",
                        "bz-3391",
                        NewsType.REGULAR,
                        "Apple to open a plant in Texas",
                        "Apple said on Thursday\nthat it would.",
                        null,
                        "AAPL",
                        "https://example.com/aapl-texas",
                        Instant.parse("2025-11-20T14:29:30Z"),
                        NOW),
                news);
    }

    @Test
    void onlyAHeadlineAndASourceAreNeeded() {
        News news = read("{\"source\":\"desk-notes\",\"headline\":\"Fed minutes at 14:00 ET\"}");

        assertNull(news.symbol(), "general news");
        assertNull(news.body());
        assertNull(news.url());
        assertEquals(NOW, news.publishedAt(), "published now");
        assertEquals(NOW, news.receivedAt());
        assertEquals(36, news.sourceId().length(), "an id of its own: " + news.sourceId());
        assertTrue(
                !news.sourceId()
                        .equals(
                                read("{\"source\":\"desk-notes\",\"headline\":\"Fed minutes\"}")
                                        .sourceId()),
                "so that two posts without an id are two items");
    }

    @Test
    void aBlankBodyIsNoBody() {
        assertNull(read("{\"source\":\"x\",\"headline\":\"h\",\"body\":\"  \\n \"}").body());
    }

    @Test
    void missingAndBlankRequiredFieldsAreNamed() {
        assertEquals(
                List.of(
                        new FieldError(
                                "source",
                                "source is required: the name of the feed, such as benzinga"),
                        new FieldError("headline", "headline is required")),
                refusal("{}"));
        assertEquals(
                List.of(new FieldError("headline", "headline must not be blank")),
                refusal("{\"source\":\"x\",\"headline\":\" \"}"));
    }

    @Test
    void anUnknownFieldIsRefusedNotIgnored() {
        assertEquals(
                List.of(
                        new FieldError(
                                "title",
                                "Unknown field 'title'; posted news has id, source, symbol,"
                                        + " headline, body, url, publishedAt")),
                refusal("{\"source\":\"x\",\"headline\":\"h\",\"title\":\"h\"}"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAsSuchNotAsMissing() {
        assertEquals(
                List.of(
                        new FieldError("source", "'source' must be a string, not NUMBER"),
                        new FieldError("id", "'id' must be a string, not NUMBER"),
                        new FieldError("headline", "'headline' must be a string, not ARRAY"),
                        new FieldError(
                                "publishedAt", "'publishedAt' must be a string, not NUMBER")),
                refusal(
                        "{\"source\":7,\"id\":3391,\"headline\":[\"h\"],"
                                + "\"publishedAt\":1763649000000}"));
    }

    @Test
    void overLongTextIsRefusedNotShortened() {
        String headline = "h".repeat(301);
        String id = "i".repeat(65);
        assertEquals(
                List.of(
                        new FieldError("id", "id has at most 64 characters, not 65"),
                        new FieldError("headline", "headline has at most 300 characters, not 301")),
                refusal(
                        "{\"source\":\"x\",\"id\":\""
                                + id
                                + "\",\"headline\":\""
                                + headline
                                + "\"}"));
        assertEquals(
                "h".repeat(300),
                read("{\"source\":\"x\",\"headline\":\"" + "h".repeat(300) + "\"}").headline());
    }

    @Test
    void aSourceIsAFeedsShortNameAndNeverOneOfTickerdesksOwn() {
        assertEquals(
                List.of("source"), fieldsAtFault("{\"source\":\"Benzinga\",\"headline\":\"h\"}"));
        assertEquals(
                List.of("source"),
                fieldsAtFault("{\"source\":\"a-very-long-feed-name\",\"headline\":\"h\"}"));
        assertEquals(
                List.of(
                        new FieldError(
                                "source",
                                "source 'ibkr' is the name of a market-data source of"
                                        + " Tickerdesk's own; name the feed that posts")),
                refusal("{\"source\":\"ibkr\",\"id\":\"1021\",\"headline\":\"h\"}"));
        assertEquals(
                List.of("source"), fieldsAtFault("{\"source\":\"simulated\",\"headline\":\"h\"}"));
    }

    @Test
    void aSymbolMustBeAnInstrumentTickerdeskKnows() {
        assertEquals(
                "BRK.B",
                read("{\"source\":\"x\",\"headline\":\"h\",\"symbol\":\"BRK.B\"}").symbol());
        assertEquals(
                List.of(
                        new FieldError(
                                "symbol",
                                "AAPLX is not an instrument Tickerdesk knows; add it first, or"
                                        + " leave symbol out for general news")),
                refusal("{\"source\":\"x\",\"headline\":\"h\",\"symbol\":\"AAPLX\"}"));
        assertEquals(
                List.of("symbol"),
                fieldsAtFault("{\"source\":\"x\",\"headline\":\"h\",\"symbol\":\"aapl\"}"));
    }

    @Test
    void aLinkIsAnHttpOrHttpsAddress() {
        assertEquals(
                "http://example.com/a?b=c",
                read("{\"source\":\"x\",\"headline\":\"h\",\"url\":\"http://example.com/a?b=c\"}")
                        .url());
        for (String bad :
                List.of(
                        "javascript:alert(1)",
                        "example.com/story",
                        "ftp://example.com/story",
                        "https:///no-host",
                        "https://example.com/" + "a".repeat(2030))) {
            assertEquals(
                    List.of("url"),
                    fieldsAtFault("{\"source\":\"x\",\"headline\":\"h\",\"url\":\"" + bad + "\"}"),
                    bad);
        }
    }

    @Test
    void aPublicationTimeIsISO8601WithItsOffsetAndNotAheadOfTheClock() {
        assertEquals(
                List.of(
                        new FieldError(
                                "publishedAt",
                                "publishedAt must be an ISO-8601 time with its offset, such as"
                                        + " 2025-11-20T14:30:00Z, not '2025-11-20 14:30'")),
                refusal(
                        "{\"source\":\"x\",\"headline\":\"h\",\"publishedAt\":\"2025-11-20"
                                + " 14:30\"}"));
        assertEquals(
                List.of("publishedAt"),
                fieldsAtFault(
                        "{\"source\":\"x\",\"headline\":\"h\",\"publishedAt\":\"2025-11-20T14:30\"}"));
        assertEquals(
                Instant.parse("2025-11-20T14:35:00Z"),
                read("{\"source\":\"x\",\"headline\":\"h\",\"publishedAt\":\"2025-11-20T14:35:00Z\"}")
                        .publishedAt(),
                "a feed's clock may run a few minutes ahead");
        assertEquals(
                List.of(
                        new FieldError(
                                "publishedAt",
                                "publishedAt 2025-11-20T14:36:00Z is in the future; this server's"
                                        + " time is 2025-11-20T14:30:00.120Z")),
                refusal(
                        "{\"source\":\"x\",\"headline\":\"h\",\"publishedAt\":\"2025-11-20T14:36:00Z\"}"));
    }

    @Test
    void controlCharactersAreRefusedInOneLineFieldsButLineBreaksAreTakenInTheBody() {
        assertEquals(
                List.of("headline", "body"),
                fieldsAtFault(
                        "{\"source\":\"x\",\"headline\":\"one\\ntwo\",\"body\":\"a\\u0000b\"}"));
        assertEquals(
                "a\r\n\tb",
                read("{\"source\":\"x\",\"headline\":\"h\",\"body\":\"a\\r\\n\\tb\"}").body());
    }

    @Test
    void everyFieldAtFaultIsNamedInOneAnswer() {
        assertEquals(
                List.of("extra", "source", "symbol", "headline", "url", "publishedAt"),
                fieldsAtFault(
                        "{\"extra\":1,\"source\":\"IBKR\",\"symbol\":\"NOPE\",\"headline\":\"\","
                                + "\"url\":\"mailto:a@b\",\"publishedAt\":\"yesterday\"}"));
    }

    @Test
    void noBodyAtAllIsRefusedSayingWhatIsExpected() {
        InvalidNewsException e =
                assertThrows(
                        InvalidNewsException.class,
                        () -> NewsSubmission.read(null, NOW, INSTRUMENTS::contains));
        assertEquals("body", e.errors().get(0).field());
    }
}
