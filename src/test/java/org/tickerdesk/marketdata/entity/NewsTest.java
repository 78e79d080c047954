package org.tickerdesk.marketdata.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewsTest {

    private static final Instant T0 = Instant.parse("2025-11-21T15:30:00Z");

    private static News of(String text) {
        return News.of("ibkr", "1", NewsType.REGULAR, text, " ", null, T0);
    }

    @Test
    void aOneLineTextIsItsOwnHeadline() {
        News news = of("  Exchange halted   trading in XYZ ");
        assertEquals("Exchange halted trading in XYZ", news.headline());
        assertEquals("Exchange halted   trading in XYZ", news.body());
        assertNull(of("Short").body());
        assertNull(of("Short").originExchange());
    }

    @Test
    void theHeadlineIsTheFirstLineAndTheBodyTheWholeText() {
        News news = of("NYSE halts XYZ\nPending news; trading resumes at 11:00 ET.");
        assertEquals("NYSE halts XYZ", news.headline());
        assertEquals("NYSE halts XYZ\nPending news; trading resumes at 11:00 ET.", news.body());
    }

    @Test
    void aLongFirstLineIsCutWithAnEllipsis() {
        News news = of("x".repeat(1000));
        assertEquals(News.HEADLINE_LENGTH, news.headline().length());
        assertTrue(news.headline().endsWith("\u2026"));
        assertEquals(1000, news.body().length());
    }

    @Test
    void newsWithoutTextOrSourceIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> of("  "));
        assertThrows(
                IllegalArgumentException.class,
                () -> News.of("ibkr", " ", NewsType.REGULAR, "text", null, null, T0));
        assertThrows(
                IllegalArgumentException.class,
                () -> News.of("IBKR", "1", NewsType.REGULAR, "text", null, null, T0));
        assertThrows(
                IllegalArgumentException.class,
                () -> News.of("ibkr", "1", NewsType.REGULAR, "text", null, "not a symbol", T0));
    }

    @Test
    void newsFromASourceThatGivesNoTimeWasPublishedWhenReceived() {
        assertEquals(T0, of("Short").publishedAt());
        assertNull(of("Short").url());
    }

    @Test
    void timesAreKeptToTheMicrosecondAsTheDatabaseKeepsThem() {
        News news =
                new News(
                        "benzinga",
                        "bz-1",
                        NewsType.REGULAR,
                        "Headline",
                        null,
                        null,
                        null,
                        null,
                        Instant.parse("2025-11-21T15:29:30.123456789Z"),
                        Instant.parse("2025-11-21T15:30:00.000000999Z"));
        assertEquals(Instant.parse("2025-11-21T15:29:30.123456Z"), news.publishedAt());
        assertEquals(T0, news.receivedAt());
    }

    @Test
    void aLinkIsAnHttpOrHttpsAddressWithAHost() {
        Instant published = T0.minusSeconds(30);
        News linked = posted("https://example.com/story", published);
        assertEquals("https://example.com/story", linked.url());
        assertEquals(published, linked.publishedAt());
        for (String bad :
                new String[] {
                    "javascript:alert(1)", "data:text/html,x", "//example.com", "https://", "x y"
                }) {
            assertThrows(IllegalArgumentException.class, () -> posted(bad, published), bad);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> posted("https://example.com/" + "a".repeat(News.URL_LENGTH), published));
    }

    private static News posted(String url, Instant publishedAt) {
        return new News(
                "benzinga",
                "bz-1",
                NewsType.REGULAR,
                "Headline",
                null,
                null,
                "AAPL",
                url,
                publishedAt,
                T0);
    }
}
