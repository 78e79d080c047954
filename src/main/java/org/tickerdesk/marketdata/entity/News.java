package org.tickerdesk.marketdata.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tickerdesk.instruments.entity.Contract;

/**
 * One piece of news from a market-data source or a feed that posts it: which source, its id there
 * (the same item sent twice has the same id), what it tells, a one-line headline and the full text,
 * the exchange it came from, the symbol it is about and a link to the story, where the source says
 * so, when it was published and when Tickerdesk received it.
 */
public record News(
        String source,
        String sourceId,
        NewsType type,
        String headline,
        String body,
        String originExchange,
        String symbol,
        String url,
        Instant publishedAt,
        Instant receivedAt) {

    public static final int HEADLINE_LENGTH = 300;
    public static final int BODY_LENGTH = 100_000;
    public static final int SOURCE_ID_LENGTH = 64;
    public static final int URL_LENGTH = 2048;
    public static final Pattern SOURCE = Pattern.compile("[a-z0-9-]{1,16}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public News {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("'" + source + "' is not a source name (e.g. ibkr)");
        }
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > SOURCE_ID_LENGTH) {
            throw new IllegalArgumentException(
                    "A news item needs its source's id, 1 to " + SOURCE_ID_LENGTH + " characters");
        }
        Objects.requireNonNull(type, "type");
        if (headline == null || headline.isBlank() || headline.length() > HEADLINE_LENGTH) {
            throw new IllegalArgumentException(
                    "A headline has 1 to " + HEADLINE_LENGTH + " characters");
        }
        if (body != null && body.length() > BODY_LENGTH) {
            throw new IllegalArgumentException(
                    "The text of a news item is longer than " + BODY_LENGTH + " characters");
        }
        originExchange =
                originExchange == null || originExchange.isBlank() ? null : originExchange.strip();
        if (originExchange != null && originExchange.length() > 32) {
            throw new IllegalArgumentException("'" + originExchange + "' is not an exchange");
        }
        if (symbol != null && !Contract.SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("'" + symbol + "' is not a valid symbol");
        }
        if (url != null && !isWebAddress(url)) {
            throw new IllegalArgumentException(
                    "A news item's link is an http or https address of at most "
                            + URL_LENGTH
                            + " characters");
        }
        // PostgreSQL keeps microseconds: the item sent and answered is then the one read back
        receivedAt =
                Objects.requireNonNull(receivedAt, "receivedAt").truncatedTo(ChronoUnit.MICROS);
        publishedAt = publishedAt == null ? receivedAt : publishedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** News from a source that gives no link nor time of publication: published when received. */
    public News(
            String source,
            String sourceId,
            NewsType type,
            String headline,
            String body,
            String originExchange,
            String symbol,
            Instant receivedAt) {
        this(
                source,
                sourceId,
                type,
                headline,
                body,
                originExchange,
                symbol,
                null,
                receivedAt,
                receivedAt);
    }

    /**
     * An absolute http or https address with a host: the admin shows a news item's link as one, and
     * any other scheme (javascript:, data:) would run or show something else than a story.
     */
    public static boolean isWebAddress(String text) {
        if (text == null || text.length() > URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * News as a source sends it, one text: the headline is its first line, whitespace collapsed and
     * cut to {@value #HEADLINE_LENGTH} characters; the text is kept as the body when it says more.
     */
    public static News of(
            String source,
            String sourceId,
            NewsType type,
            String text,
            String originExchange,
            String symbol,
            Instant receivedAt) {
        String full = text == null ? "" : text.strip();
        String firstLine =
                WHITESPACE.matcher(full.lines().findFirst().orElse("")).replaceAll(" ").strip();
        String headline =
                firstLine.length() <= HEADLINE_LENGTH
                        ? firstLine
                        : firstLine.substring(0, HEADLINE_LENGTH - 1) + "\u2026";
        String body = full.equals(headline) ? null : full;
        return new News(source, sourceId, type, headline, body, originExchange, symbol, receivedAt);
    }
}
