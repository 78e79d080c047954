package org.tickerdesk.history.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tickerdesk.history.entity.Bar;

/**
 * The bars of one upsert as the text PostgreSQL's {@code COPY … FROM STDIN} reads into the staging
 * table: one line per bar, columns separated by tabs, {@code \N} for what a bar does not have.
 * Prices travel as the decimal text of their {@link BigDecimal}, never through a double, so what is
 * stored is exactly what the source sent. Bars with the same start collapse into the last of them:
 * the upsert may touch a row only once per statement, and the later bar is the source's later word.
 */
final class StagedBars {

    static final String NULL = "\\N";

    private final int count;
    private final byte[] copyText;

    private StagedBars(int count, byte[] copyText) {
        this.count = count;
        this.copyText = copyText;
    }

    /** How many distinct bars, by start. */
    int count() {
        return count;
    }

    byte[] copyText() {
        return copyText;
    }

    static StagedBars of(List<Bar> bars) {
        Map<Instant, Bar> byStart = new LinkedHashMap<>(bars.size() * 2);
        for (Bar bar : bars) {
            byStart.put(bar.start(), bar);
        }
        return new StagedBars(byStart.size(), text(byStart.values()));
    }

    private static byte[] text(Collection<Bar> bars) {
        StringBuilder out = new StringBuilder(bars.size() * 96);
        for (Bar bar : bars) {
            out.append(bar.start()).append('\t');
            out.append(bar.open().toPlainString()).append('\t');
            out.append(bar.high().toPlainString()).append('\t');
            out.append(bar.low().toPlainString()).append('\t');
            out.append(bar.close().toPlainString()).append('\t');
            out.append(plain(bar.volume())).append('\t');
            out.append(plain(bar.wap())).append('\t');
            out.append(bar.count() == null ? NULL : bar.count().toString()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String plain(BigDecimal value) {
        return value == null ? NULL : value.toPlainString();
    }

    /** The text as a string, for reading it in tests and messages. */
    String asText() {
        return new String(copyText, StandardCharsets.US_ASCII);
    }
}
