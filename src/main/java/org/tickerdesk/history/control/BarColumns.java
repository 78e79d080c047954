package org.tickerdesk.history.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tickerdesk.history.entity.Bar;

/**
 * The bars of one upsert statement as columns, each a PostgreSQL array literal that the statement
 * unnests back into rows. Every parameter is then text, whatever the bars hold, so no null has to
 * be bound with a type the persistence provider guesses, and a whole window is one round trip. Bars
 * with the same start collapse into the last of them: ON CONFLICT may touch a row only once per
 * statement.
 */
record BarColumns(
        String starts,
        String opens,
        String highs,
        String lows,
        String closes,
        String volumes,
        String waps,
        String counts) {

    /** The bars in statements of at most {@code rowsPerStatement}, each start once. */
    static List<BarColumns> of(List<Bar> bars, int rowsPerStatement) {
        Map<Instant, Bar> byStart = new LinkedHashMap<>();
        bars.forEach(bar -> byStart.put(bar.start(), bar));
        List<Bar> distinct = new ArrayList<>(byStart.values());
        List<BarColumns> statements = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += rowsPerStatement) {
            statements.add(
                    columns(
                            distinct.subList(
                                    from, Math.min(distinct.size(), from + rowsPerStatement))));
        }
        return statements;
    }

    private static BarColumns columns(Collection<Bar> bars) {
        return new BarColumns(
                array(bars, bar -> "\"" + bar.start() + "\""),
                array(bars, bar -> plain(bar.open())),
                array(bars, bar -> plain(bar.high())),
                array(bars, bar -> plain(bar.low())),
                array(bars, bar -> plain(bar.close())),
                array(bars, bar -> plain(bar.volume())),
                array(bars, bar -> plain(bar.wap())),
                array(bars, bar -> bar.count() == null ? "NULL" : bar.count().toString()));
    }

    private static String array(Collection<Bar> bars, Function<Bar, String> element) {
        return bars.stream().map(element).collect(Collectors.joining(",", "{", "}"));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "NULL" : value.toPlainString();
    }
}
