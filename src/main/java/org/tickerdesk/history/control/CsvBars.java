package org.tickerdesk.history.control;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tickerdesk.history.entity.Bar;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.SkippedBar;
import org.tickerdesk.history.entity.SourceBars;

/**
 * Bars from a CSV file in the layout most sites export: a header {@code
 * Date,Open,High,Low,Close[,Adj Close],Volume} (any case), then one bar a line. Pure: text in, bars
 * and the reasons for the lines that are not bars out.
 *
 * <p>A date alone ({@code 2024-03-01}) is a bar of a day or longer, stored at 00:00 UTC of that
 * date, as IBKR's daily bars are, whatever the upload's zone. A date and time ({@code 2024-03-01
 * 09:30}, {@code 2024-03-01T09:30:00}) is the wall-clock time in the upload's zone, unless it
 * carries an offset ({@code Z}, {@code -05:00}, {@code -0500}); a bar of a day or longer read from
 * one keeps only its date. A wall-clock time that the zone skips (the hour lost to daylight saving)
 * is a bad line; one it repeats (the hour gained) is the earlier instant, or the later one when a
 * line before already took the earlier.
 *
 * <p>{@code Adj Close} is read past and never used: a bar's prices are the traded ones, and an
 * adjusted close would not fit between the unadjusted high and low. Blank lines are left out, a
 * byte-order mark is allowed, a field may be quoted ({@code "179.55"}). A line that is not a bar is
 * skipped as {@code line N} (the header is line 1) with its reason: a wrong number of values, a
 * value missing ({@code null} or empty), a number or date that cannot be read, an impossible bar
 * (as {@link Bar} says), a number too large to store, or a start already taken by an earlier line.
 * A header that is not this layout fails the whole file with an {@link IllegalArgumentException}
 * naming the header found.
 */
public final class CsvBars {

    /** What a file holds: its bars in time order, its bad lines, and how many lines it offered. */
    public record Parsed(List<Bar> bars, List<SkippedBar> skipped, int lines) {

        public Parsed {
            bars = List.copyOf(bars);
            skipped = List.copyOf(skipped);
        }

        /** The bars starting inside [from, to), and every bad line. */
        public SourceBars within(Instant from, Instant to) {
            return new SourceBars(
                    bars.stream()
                            .filter(bar -> !bar.start().isBefore(from) && bar.start().isBefore(to))
                            .toList(),
                    skipped);
        }
    }

    static final String LAYOUT = "Date,Open,High,Low,Close[,Adj Close],Volume";

    private static final List<String> COLUMNS =
            List.of("date", "open", "high", "low", "close", "volume");
    private static final List<String> COLUMNS_ADJUSTED =
            List.of("date", "open", "high", "low", "close", "adj close", "volume");
    private static final Pattern LINES = Pattern.compile("\r\n|\n|\r");

    /** NUMERIC(19, 8) for prices and NUMERIC(28, 8) for volume leave this many integer digits. */
    private static final int PRICE_DIGITS = 11;

    private static final int VOLUME_DIGITS = 20;
    private static final int LONGEST_QUOTE = 60;

    private static final DateTimeFormatter DATE_TIME =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .appendLiteral('T')
                    .appendValue(ChronoField.HOUR_OF_DAY, 2)
                    .appendLiteral(':')
                    .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
                    .optionalStart()
                    .appendLiteral(':')
                    .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                    .optionalEnd()
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HH:MM", "Z")
                    .optionalEnd()
                    .optionalStart()
                    .appendOffset("+HHMM", "Z")
                    .optionalEnd()
                    .toFormatter(Locale.ROOT)
                    .withChronology(IsoChronology.INSTANCE)
                    .withResolverStyle(ResolverStyle.STRICT);

    private CsvBars() {}

    /**
     * The file's text, read as UTF-8 without a byte-order mark; an {@link IllegalArgumentException}
     * naming the first byte that is not UTF-8.
     */
    public static String text(byte[] content) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(content);
        String text;
        try {
            text = decoder.decode(bytes).toString();
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(
                    "The file is not UTF-8 text: byte "
                            + (bytes.position() + 1)
                            + " is not valid UTF-8; save it as UTF-8 (CSV UTF-8)");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The file is not UTF-8 text; save it as UTF-8");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The bars of a file of {@code barSize} bars whose wall-clock times are in {@code zone}; an
     * {@link IllegalArgumentException} when the file has no header of this layout.
     */
    public static Parsed parse(String text, BarSize barSize, ZoneId zone) {
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(zone, "zone");
        String[] lines = LINES.split(text.startsWith("\uFEFF") ? text.substring(1) : text, -1);
        int header = 0;
        while (header < lines.length && lines[header].isBlank()) {
            header++;
        }
        if (header == lines.length) {
            throw new IllegalArgumentException(
                    "The file has no header; its first line must be " + LAYOUT);
        }
        int columns = columns(lines[header]);
        Reader reader = new Reader(barSize, zone, columns);
        for (int i = header + 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                reader.line(i + 1, lines[i]);
            }
        }
        return reader.parsed();
    }

    /** How many values a line of the file has: 6, or 7 with Adj Close. */
    private static int columns(String header) {
        List<String> names;
        try {
            names = fields(header).stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        } catch (IllegalArgumentException e) {
            names = List.of();
        }
        if (names.equals(COLUMNS) || names.equals(COLUMNS_ADJUSTED)) {
            return names.size();
        }
        throw new IllegalArgumentException(
                "The header must be " + LAYOUT + " (in any case), not '" + quote(header) + "'");
    }

    /** The bars of the lines read so far, each start once. */
    private static final class Reader {

        private final BarSize barSize;
        private final ZoneId zone;
        private final int columns;
        private final List<Bar> bars = new ArrayList<>();
        private final List<SkippedBar> skipped = new ArrayList<>();
        private final Map<Instant, Integer> lineOf = new HashMap<>();
        private int lines;

        Reader(BarSize barSize, ZoneId zone, int columns) {
            this.barSize = barSize;
            this.zone = zone;
            this.columns = columns;
        }

        void line(int number, String line) {
            lines++;
            try {
                Bar bar = bar(line);
                Integer earlier = lineOf.putIfAbsent(bar.start(), number);
                if (earlier != null) {
                    throw new IllegalArgumentException(
                            "repeats the bar at " + bar.start() + " of line " + earlier);
                }
                bars.add(bar);
            } catch (IllegalArgumentException e) {
                skipped.add(new SkippedBar("line " + number, e.getMessage()));
            }
        }

        Parsed parsed() {
            List<Bar> ordered = new ArrayList<>(bars);
            ordered.sort(Comparator.comparing(Bar::start));
            return new Parsed(ordered, skipped, lines);
        }

        private Bar bar(String line) {
            List<String> values = fields(line);
            if (values.size() != columns) {
                throw new IllegalArgumentException(
                        "has " + values.size() + " values where the header has " + columns);
            }
            Instant start = start(values.get(0).strip());
            BigDecimal open = number("open", values.get(1), PRICE_DIGITS);
            BigDecimal high = number("high", values.get(2), PRICE_DIGITS);
            BigDecimal low = number("low", values.get(3), PRICE_DIGITS);
            BigDecimal close = number("close", values.get(4), PRICE_DIGITS);
            BigDecimal volume = number("volume", values.get(columns - 1), VOLUME_DIGITS);
            return new Bar(start, open, high, low, close, volume, null, null);
        }

        private Instant start(String text) {
            if (text.isEmpty() || text.equalsIgnoreCase("null")) {
                throw new IllegalArgumentException("has no date");
            }
            try {
                if (text.length() == 10) {
                    LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                    if (!barSize.isDailyOrLonger()) {
                        throw new IllegalArgumentException(
                                "date "
                                        + text
                                        + " has no time of day, which a "
                                        + barSize.label()
                                        + " bar needs");
                    }
                    return midnightUtc(date);
                }
                String iso =
                        text.length() > 10 && text.charAt(10) == ' '
                                ? text.substring(0, 10) + 'T' + text.substring(11)
                                : text;
                TemporalAccessor read =
                        DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
                if (read instanceof OffsetDateTime withOffset) {
                    return barSize.isDailyOrLonger()
                            ? midnightUtc(withOffset.toLocalDate())
                            : withOffset.toInstant();
                }
                LocalDateTime local = (LocalDateTime) read;
                return barSize.isDailyOrLonger() ? midnightUtc(local.toLocalDate()) : inZone(local);
            } catch (DateTimeException e) {
                if (e.getCause() instanceof DateTimeException invalid) {
                    throw new IllegalArgumentException(
                            "date '" + quote(text) + "' cannot be: " + invalid.getMessage());
                }
                throw new IllegalArgumentException(
                        "date '"
                                + quote(text)
                                + "' is not yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss] or"
                                + " yyyy-MM-ddTHH:mm[:ss], with or without an offset");
            }
        }

        private Instant inZone(LocalDateTime local) {
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                throw new IllegalArgumentException(
                        local
                                + " does not exist in "
                                + zone
                                + ": the clocks skip it when daylight saving time starts");
            }
            Instant earlier = local.atOffset(offsets.get(0)).toInstant();
            if (offsets.size() > 1 && lineOf.containsKey(earlier)) {
                return ZonedDateTime.ofLocal(local, zone, offsets.get(0))
                        .withLaterOffsetAtOverlap()
                        .toInstant();
            }
            return earlier;
        }

        private static Instant midnightUtc(LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        private static BigDecimal number(String name, String value, int integerDigits) {
            String text = value.strip();
            if (text.isEmpty() || text.equalsIgnoreCase("null")) {
                throw new IllegalArgumentException("has no " + name);
            }
            BigDecimal number;
            try {
                number = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " '" + quote(text) + "' is not a number");
            }
            if (number.precision() - number.scale() > integerDigits) {
                throw new IllegalArgumentException(
                        name
                                + " "
                                + text
                                + " is too large to store (at most "
                                + integerDigits
                                + " digits before the point)");
            }
            return number;
        }
    }

    /**
     * The values of one line, separated by commas; a value in double quotes may hold commas and
     * doubled quotes.
     */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            int start = i;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("has a quote that is never closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("has text after a closing quote");
                }
            } else {
                i = start;
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }

    /** Text from the file, made printable and short enough for a message. */
    private static String quote(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > LONGEST_QUOTE
                ? printable.substring(0, LONGEST_QUOTE) + "…"
                : printable;
    }
}
