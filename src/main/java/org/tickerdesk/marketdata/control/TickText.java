package org.tickerdesk.marketdata.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.tickerdesk.marketdata.entity.Quote;

/**
 * Ticks as the text PostgreSQL's {@code COPY ticks FROM STDIN} reads: one line per tick, columns
 * separated by tabs, {@code \N} for a price the source has not sent (NaN in a {@link Quote}). The
 * source time keeps its microseconds.
 */
final class TickText {

    static final String COPY =
            "COPY ticks (instrument_id, ts, bid, ask, last, bid_size, ask_size, last_size, volume,"
                    + " market_data_type) FROM STDIN";

    private TickText() {}

    /**
     * @param ids the instrument id of each tick, in the same order
     */
    static byte[] of(List<Quote> ticks, long[] ids) {
        StringBuilder out = new StringBuilder(ticks.size() * 96);
        for (int i = 0; i < ticks.size(); i++) {
            Quote tick = ticks.get(i);
            out.append(ids[i]).append('\t');
            out.append(time(tick.timestampMicros())).append('\t');
            price(out, tick.bid()).append('\t');
            price(out, tick.ask()).append('\t');
            price(out, tick.last()).append('\t');
            out.append(tick.bidSize()).append('\t');
            out.append(tick.askSize()).append('\t');
            out.append(tick.lastSize()).append('\t');
            out.append(tick.volume()).append('\t');
            out.append(tick.type().name()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static Instant time(long epochMicros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochMicros, 1_000_000),
                Math.floorMod(epochMicros, 1_000_000) * 1_000);
    }

    private static StringBuilder price(StringBuilder out, double price) {
        return Double.isFinite(price) ? out.append(price) : out.append("\\N");
    }
}
