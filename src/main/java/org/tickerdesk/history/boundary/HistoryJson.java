package org.tickerdesk.history.boundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarQuery;
import org.tickerdesk.history.entity.CoverageQuery;
import org.tickerdesk.history.entity.CoverageReport;
import org.tickerdesk.history.entity.StoredBar;
import org.tickerdesk.history.entity.TimeRange;

/**
 * Stored history as JSON, written directly into one buffer: a chart asks for thousands of bars at a
 * time and often, and a tree of JSON objects per bar would cost more than reading them. Instants
 * are ISO-8601 in UTC, prices JSON numbers without the trailing zeros of the stored scale, what a
 * bar does not have null, so every bar has the same members.
 */
final class HistoryJson {

    private HistoryJson() {}

    static String bars(BarQuery query, List<StoredBar> bars) {
        StringBuilder json = new StringBuilder(64 + bars.size() * 260).append('[');
        String series =
                "{\"symbol\":"
                        + text(query.symbol())
                        + ",\"barSize\":"
                        + text(query.barSize().label())
                        + ",\"whatToShow\":"
                        + text(query.whatToShow().name());
        for (int i = 0; i < bars.size(); i++) {
            StoredBar stored = bars.get(i);
            Bar bar = stored.bar();
            if (i > 0) {
                json.append(',');
            }
            json.append(series)
                    .append(",\"start\":\"")
                    .append(bar.start())
                    .append("\",\"open\":")
                    .append(number(bar.open()))
                    .append(",\"high\":")
                    .append(number(bar.high()))
                    .append(",\"low\":")
                    .append(number(bar.low()))
                    .append(",\"close\":")
                    .append(number(bar.close()))
                    .append(",\"volume\":")
                    .append(number(bar.volume()))
                    .append(",\"wap\":")
                    .append(number(bar.wap()))
                    .append(",\"count\":")
                    .append(bar.count())
                    .append(",\"source\":")
                    .append(text(stored.source()))
                    .append(",\"fetchedAt\":\"")
                    .append(stored.fetchedAt())
                    .append("\"}");
        }
        return json.append(']').toString();
    }

    /** The coverage, with the range as asked: an end left open is null. */
    static String coverage(CoverageQuery query, CoverageReport report) {
        StringBuilder json =
                new StringBuilder(256 + report.gaps().size() * 64)
                        .append("{\"symbol\":")
                        .append(text(query.symbol()))
                        .append(",\"barSize\":")
                        .append(text(query.barSize().label()))
                        .append(",\"whatToShow\":")
                        .append(text(query.whatToShow().name()))
                        .append(",\"rthOnly\":")
                        .append(query.regularHoursOnly())
                        .append(",\"from\":")
                        .append(instant(query.from()))
                        .append(",\"to\":")
                        .append(instant(query.to()))
                        .append(",\"count\":")
                        .append(report.count())
                        .append(",\"first\":")
                        .append(instant(report.first()))
                        .append(",\"last\":")
                        .append(instant(report.last()))
                        .append(",\"calendar\":")
                        .append(text(report.calendar()))
                        .append(",\"gaps\":[");
        for (int i = 0; i < report.gaps().size(); i++) {
            TimeRange gap = report.gaps().get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"from\":")
                    .append(instant(gap.from()))
                    .append(",\"to\":")
                    .append(instant(gap.to()))
                    .append('}');
        }
        return json.append("]}").toString();
    }

    private static String instant(Instant value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** 189.10000000 as stored is 189.1 in JSON, and 100 stays 100 rather than 1E+2. */
    static String number(BigDecimal value) {
        if (value == null) {
            return "null";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
