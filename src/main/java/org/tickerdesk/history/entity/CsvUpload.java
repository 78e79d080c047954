package org.tickerdesk.history.entity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * An uploaded CSV file of bars as stored: its id, the name it was uploaded under, whose bars it
 * holds, of what size, the zone its wall-clock times are in, how many lines of bars it has (the
 * header and blank lines not counted, bad lines counted) and the start of its first and last bar
 * (both null when no line is a bar).
 */
public record CsvUpload(
        long id,
        String fileName,
        String symbol,
        BarSize barSize,
        ZoneId zone,
        int lineCount,
        Instant first,
        Instant last) {

    public CsvUpload {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(zone, "zone");
        if (lineCount < 0) {
            throw new IllegalArgumentException("A file cannot have " + lineCount + " lines");
        }
        if ((first == null) != (last == null)) {
            throw new IllegalArgumentException(
                    "An upload has both a first and a last bar, or neither");
        }
        if (first != null && last.isBefore(first)) {
            throw new IllegalArgumentException(
                    "An upload's last bar ("
                            + last
                            + ") cannot start before its first ("
                            + first
                            + ")");
        }
    }
}
