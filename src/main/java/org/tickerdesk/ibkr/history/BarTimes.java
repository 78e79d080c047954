package org.tickerdesk.ibkr.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a historical bar starts, read from the time IB sent with it. IB spells that time three ways:
 *
 * <ul>
 *   <li>"yyyyMMdd" for bars of a day or longer, whichever formatDate was asked for: the trading
 *       day. It is taken as 00:00 UTC of that date, so a daily bar has the same key wherever the
 *       server runs and reads back as its date.
 *   <li>Epoch seconds for shorter bars with formatDate 2: the instant itself.
 *   <li>"yyyyMMdd HH:mm:ss zone" for shorter bars with formatDate 1 (zone names such as
 *       US/Eastern). Older TWS versions send no zone and two spaces; such a time is in the zone TWS
 *       was logged in with, which the API does not tell, so it is read only when the caller names
 *       that zone. A local time repeated by a daylight-saving change is ambiguous in this form:
 *       formatDate 2 avoids both.
 * </ul>
 *
 * A time in none of these forms is refused with an {@link IllegalArgumentException}.
 */
public final class BarTimes {

    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{9,12}");
    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{8}) {1,2}(\\d{2}:\\d{2}:\\d{2})(?: (\\S+))?");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME;

    private BarTimes() {}

    /** The start of a bar whose time carries its zone (or needs none). */
    public static Instant start(String time) {
        return start(time, null);
    }

    /**
     * The start of a bar; {@code loginZone} reads a time without a zone, and may be null when
     * unknown.
     */
    public static Instant start(String time, ZoneId loginZone) {
        String text = time == null ? "" : time.strip();
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text, DAY).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (EPOCH_SECONDS.matcher(text).matches()) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            Matcher m = DATE_TIME.matcher(text);
            if (m.matches()) {
                ZoneId zone =
                        m.group(3) != null ? ZoneId.of(m.group(3), ZoneId.SHORT_IDS) : loginZone;
                if (zone == null) {
                    throw new IllegalArgumentException(
                            "Bar time '"
                                    + time
                                    + "' has no time zone: it is in TWS's login zone, which the API"
                                    + " does not tell; request formatDate 2 (epoch seconds)");
                }
                return LocalDate.parse(m.group(1), DAY)
                        .atTime(LocalTime.parse(m.group(2), TIME))
                        .atZone(zone)
                        .toInstant();
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "Bar time '" + time + "' is not a valid date and time: " + e.getMessage());
        }
        throw new IllegalArgumentException(
                "Bar time '"
                        + time
                        + "' is none of IB's forms: yyyyMMdd, epoch seconds,"
                        + " or yyyyMMdd HH:mm:ss with a zone");
    }
}
