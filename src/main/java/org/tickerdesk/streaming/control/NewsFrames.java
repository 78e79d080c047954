package org.tickerdesk.streaming.control;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Locale;
import org.tickerdesk.marketdata.entity.News;

/**
 * Writes a news message with JSON-P: news is rare, and its text may hold anything. {@code data} is
 * the item as the REST API's {@code /api/v1/news} shows it, without the store's id; {@code ts} is
 * when Tickerdesk received it.
 */
final class NewsFrames {

    static final String NEWS = "news";

    private static final JsonProvider JSON = JsonProvider.provider();

    private NewsFrames() {}

    static String write(String type, String stream, News news, String epoch, long offset) {
        JsonObjectBuilder data =
                JSON.createObjectBuilder()
                        .add("source", news.source())
                        .add("sourceId", news.sourceId())
                        .add("type", news.type().name().toLowerCase(Locale.ROOT))
                        .add("headline", news.headline());
        nullable(data, "body", news.body());
        nullable(data, "originExchange", news.originExchange());
        nullable(data, "symbol", news.symbol());
        nullable(data, "url", news.url());
        data.add("publishedAt", news.publishedAt().toString());
        data.add("receivedAt", news.receivedAt().toString());
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("stream", stream)
                .add("data", data)
                .add("epoch", epoch)
                .add("offset", offset)
                .add("ts", JobsStream.millis(news.receivedAt()))
                .build()
                .toString();
    }

    private static void nullable(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }
}
