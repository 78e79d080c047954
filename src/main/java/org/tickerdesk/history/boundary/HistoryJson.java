package org.tickerdesk.history.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.FetchedWindow;
import org.tickerdesk.history.entity.StoredBar;

/**
 * History's answers as JSON. What a bar does not have is written as null rather than left out, so
 * every bar has the same members; instants are ISO-8601 in UTC, prices JSON numbers without the
 * trailing zeros of the stored scale.
 */
final class HistoryJson {

    private HistoryJson() {}

    static JsonObject fetched(FetchedWindow w) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("symbol", w.symbol())
                        .add("barSize", w.barSize().label())
                        .add("whatToShow", w.whatToShow().name())
                        .add("source", w.source())
                        .add("stored", w.stored());
        instant(json, "first", w.first());
        instant(json, "last", w.last());
        return json.build();
    }

    static JsonArray bars(BarQuery query, List<StoredBar> bars) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (StoredBar stored : bars) {
            Bar bar = stored.bar();
            JsonObjectBuilder json =
                    Json.createObjectBuilder()
                            .add("symbol", query.symbol())
                            .add("barSize", query.barSize().label())
                            .add("whatToShow", query.whatToShow().name())
                            .add("start", bar.start().toString())
                            .add("open", plain(bar.open()))
                            .add("high", plain(bar.high()))
                            .add("low", plain(bar.low()))
                            .add("close", plain(bar.close()));
            number(json, "volume", bar.volume());
            number(json, "wap", bar.wap());
            if (bar.count() == null) {
                json.addNull("count");
            } else {
                json.add("count", bar.count());
            }
            array.add(
                    json.add("source", stored.source())
                            .add("fetchedAt", stored.fetchedAt().toString()));
        }
        return array.build();
    }

    private static void instant(JsonObjectBuilder json, String name, Instant value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }

    private static void number(JsonObjectBuilder json, String name, BigDecimal value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, plain(value));
        }
    }

    /** 189.10000000 as stored is 189.1 in JSON, and 100 stays 100 rather than 1E+2. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
