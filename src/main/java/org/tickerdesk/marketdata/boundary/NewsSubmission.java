package org.tickerdesk.marketdata.boundary;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.marketdata.control.InvalidNewsException;
import org.tickerdesk.marketdata.entity.News;
import org.tickerdesk.marketdata.entity.NewsType;
import org.tickerdesk.platform.control.JsonFields;
import org.tickerdesk.platform.entity.SourceName;

/**
 * Reads the body of {@code POST /api/v1/news} into {@link News}, strictly: an unknown field, a
 * value of the wrong type, a blank headline or text over its length is refused, each naming its
 * field, every one in one answer, and nothing is shortened or guessed.
 */
final class NewsSubmission {

    static final List<String> FIELDS =
            List.of("id", "source", "symbol", "headline", "body", "url", "publishedAt");

    /** How far ahead of this server's clock a feed's clock may run. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private NewsSubmission() {}

    /**
     * @param isInstrument whether Tickerdesk knows an instrument of this symbol
     */
    static News read(JsonObject body, Instant now, Predicate<String> isInstrument) {
        JsonFields fields =
                JsonFields.of(
                                body,
                                "The body must be a JSON object with a headline and a source, and"
                                        + " optionally "
                                        + String.join(", ", FIELDS.subList(2, FIELDS.size())),
                                InvalidNewsException::new)
                        .only(
                                FIELDS,
                                field ->
                                        "Unknown field '"
                                                + field
                                                + "'; posted news has "
                                                + String.join(", ", FIELDS));
        String source = source(fields, fields.text("source"), given(body, "source"));
        String id = id(fields, fields.text("id"));
        String symbol = symbol(fields, fields.text("symbol"), isInstrument);
        String headline = headline(fields, fields.text("headline"), given(body, "headline"));
        String text = text(fields, fields.lines("body"));
        String url = url(fields, fields.text("url"));
        Instant publishedAt = publishedAt(fields, fields.text("publishedAt"), now);
        fields.refuseIfAnyError();
        return new News(
                source,
                id == null ? UUID.randomUUID().toString() : id,
                NewsType.REGULAR,
                headline,
                text,
                null,
                symbol,
                url,
                publishedAt,
                now);
    }

    /** Present and not null: a value of the wrong type is refused as such, not as missing. */
    private static boolean given(JsonObject body, String field) {
        return body.containsKey(field) && !body.isNull(field);
    }

    private static String source(JsonFields fields, String source, boolean given) {
        if (source == null) {
            if (!given) {
                fields.refuse(
                        "source", "source is required: the name of the feed, such as benzinga");
            }
        } else if (!News.SOURCE.matcher(source).matches()) {
            fields.refuse(
                    "source",
                    "source must be 1 to 16 of a-z, 0-9 and -, such as benzinga, not '"
                            + source
                            + "'");
        } else if (Arrays.asList(SourceName.settings()).contains(source)) {
            fields.refuse(
                    "source",
                    "source '"
                            + source
                            + "' is the name of a market-data source of Tickerdesk's own; name the"
                            + " feed that posts");
        }
        return source;
    }

    private static String id(JsonFields fields, String id) {
        if (id != null && id.isBlank()) {
            fields.refuse("id", "id, the item's id at its source, must not be blank");
        } else if (id != null && id.length() > News.SOURCE_ID_LENGTH) {
            fields.refuse(
                    "id",
                    "id has at most " + News.SOURCE_ID_LENGTH + " characters, not " + id.length());
        }
        return id;
    }

    private static String symbol(JsonFields fields, String symbol, Predicate<String> isInstrument) {
        if (symbol == null) {
            return null;
        }
        if (!Contract.SYMBOL.matcher(symbol).matches()) {
            fields.refuse(
                    "symbol",
                    "symbol must be a symbol such as AAPL or BRK.B (capitals, digits, . _ -), not '"
                            + symbol
                            + "'");
        } else if (!isInstrument.test(symbol)) {
            fields.refuse(
                    "symbol",
                    symbol
                            + " is not an instrument Tickerdesk knows; add it first, or leave"
                            + " symbol out for general news");
        }
        return symbol;
    }

    private static String headline(JsonFields fields, String headline, boolean given) {
        String stripped = headline == null ? null : headline.strip();
        if (stripped == null) {
            if (!given) {
                fields.refuse("headline", "headline is required");
            }
        } else if (stripped.isEmpty()) {
            fields.refuse("headline", "headline must not be blank");
        } else if (stripped.length() > News.HEADLINE_LENGTH) {
            fields.refuse(
                    "headline",
                    "headline has at most "
                            + News.HEADLINE_LENGTH
                            + " characters, not "
                            + stripped.length());
        }
        return stripped;
    }

    private static String text(JsonFields fields, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > News.BODY_LENGTH) {
            fields.refuse(
                    "body",
                    "body has at most " + News.BODY_LENGTH + " characters, not " + text.length());
        }
        return text;
    }

    private static String url(JsonFields fields, String url) {
        if (url != null && !News.isWebAddress(url)) {
            fields.refuse(
                    "url",
                    "url must be an http or https address of at most "
                            + News.URL_LENGTH
                            + " characters, such as https://example.com/story");
        }
        return url;
    }

    private static Instant publishedAt(JsonFields fields, String text, Instant now) {
        if (text == null) {
            return now;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            fields.refuse(
                    "publishedAt",
                    "publishedAt must be an ISO-8601 time with its offset, such as"
                            + " 2025-11-20T14:30:00Z, not '"
                            + text
                            + "'");
            return null;
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            fields.refuse(
                    "publishedAt",
                    "publishedAt " + text + " is in the future; this server's time is " + now);
        }
        return at;
    }
}
