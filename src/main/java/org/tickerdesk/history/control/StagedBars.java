package org.tickerdesk.history.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tickerdesk.history.entity.Bar;

/**
 * The bars of one write as the text PostgreSQL's {@code COPY … FROM STDIN} reads: one line per bar,
 * columns separated by tabs, {@code \N} for what a bar does not have. Prices travel as the decimal
 * text of their {@link BigDecimal}, never through a double, so what is stored is exactly what the
 * source sent. Bars with the same start collapse into the last of them: the upsert may touch a row
 * only once per statement, and the later bar is the source's later word.
 */
final class StagedBars {

    static final String NULL = "\\N";

    private final List<Bar> bars;
    private final Instant first;
    private final Instant last;

    private StagedBars(List<Bar> bars, Instant first, Instant last) {
        this.bars = bars;
        this.first = first;
        this.last = last;
    }

    static StagedBars of(List<Bar> bars) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("There are no bars to stage");
        }
        List<Bar> distinct = ascending(bars) ? bars : distinct(bars);
        Instant first = distinct.get(0).start();
        Instant last = first;
        for (Bar bar : distinct) {
            first = bar.start().isBefore(first) ? bar.start() : first;
            last = bar.start().isAfter(last) ? bar.start() : last;
        }
        return new StagedBars(distinct, first, last);
    }

    /** Sources send their bars in order; only then is no start repeated without a map to say so. */
    private static boolean ascending(List<Bar> bars) {
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i).start().isAfter(bars.get(i - 1).start())) {
                return false;
            }
        }
        return true;
    }

    private static List<Bar> distinct(List<Bar> bars) {
        Map<Instant, Bar> byStart = new LinkedHashMap<>(bars.size() * 2);
        for (Bar bar : bars) {
            byStart.put(bar.start(), bar);
        }
        return new ArrayList<>(byStart.values());
    }

    /** How many distinct bars, by start. */
    int count() {
        return bars.size();
    }

    /** The earliest start. */
    Instant first() {
        return first;
    }

    /** The latest start. */
    Instant last() {
        return last;
    }

    /** The bars' own columns: start, open, high, low, close, volume, WAP, trade count. */
    byte[] copyText() {
        return text("", "");
    }

    /**
     * Each line between a prefix and a suffix of columns that every bar of the write shares (the
     * series' key before, where the bars came from after), already in COPY's text form.
     */
    byte[] text(String prefix, String suffix) {
        StringBuilder out =
                new StringBuilder(bars.size() * (80 + prefix.length() + suffix.length()));
        for (Bar bar : bars) {
            out.append(prefix);
            out.append(bar.start()).append('\t');
            out.append(bar.open().toPlainString()).append('\t');
            out.append(bar.high().toPlainString()).append('\t');
            out.append(bar.low().toPlainString()).append('\t');
            out.append(bar.close().toPlainString()).append('\t');
            out.append(plain(bar.volume())).append('\t');
            out.append(plain(bar.wap())).append('\t');
            out.append(bar.count() == null ? NULL : bar.count().toString());
            out.append(suffix).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String plain(BigDecimal value) {
        return value == null ? NULL : value.toPlainString();
    }

    /** The bars' own columns as a string, for reading them in tests and messages. */
    String asText() {
        return new String(copyText(), StandardCharsets.US_ASCII);
    }
}
