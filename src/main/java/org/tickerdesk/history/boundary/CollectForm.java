package org.tickerdesk.history.boundary;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.platform.entity.FieldError;

/**
 * The fields of the Collect page as chosen, kept as chosen whatever is refused, and turned into a
 * {@link CollectionRequest}. Days are UTC and both are included: from the start of {@code from} to
 * the end of {@code to}. A csv collection takes the range its file's bars span instead. What this
 * form finds wrong it names with the field names the collection's own checks use, so every message
 * lands beside its field alike.
 */
public class CollectForm implements Serializable {

    static final String DEFAULT_ZONE = "America/New_York";

    private String source = HistorySourceName.SIMULATED.wire();
    private List<String> instruments = new ArrayList<>();
    private String barSize = BarSize.MIN_1.label();
    private String whatToShow = WhatToShow.TRADES.name();
    private boolean rthOnly = true;
    private LocalDate from;
    private LocalDate to;
    private boolean upToNow = true;
    private boolean incremental;
    private boolean gapsOnly;
    private String timeZone = DEFAULT_ZONE;

    /** Preset: the daily bars of the year up to now. */
    void yearOfDailyBars(LocalDate today) {
        range(BarSize.DAY_1, today.minusYears(1));
    }

    /** Preset: the 1-minute bars of the last 30 days up to now. */
    void thirtyDaysOfMinuteBars(LocalDate today) {
        range(BarSize.MIN_1, today.minusDays(30));
    }

    /** Preset: only what is missing of the range chosen. */
    void fillGaps() {
        gapsOnly = true;
        incremental = false;
    }

    private void range(BarSize size, LocalDate first) {
        barSize = size.label();
        from = first;
        to = null;
        upToNow = true;
        incremental = false;
        gapsOnly = false;
    }

    boolean isCsv() {
        return HistorySourceName.CSV.wire().equals(source);
    }

    /**
     * What is wrong with the form on its own, before the collection's checks: each field at fault
     * with its reason.
     *
     * @param fileChosen whether a CSV file was chosen or is uploaded already
     */
    List<FieldError> problems(boolean fileChosen) {
        Check check = new Check();
        check.parse("source", source, HistorySourceName::parse);
        check.parse("barSize", barSize, BarSize::parse);
        check.parse("whatToShow", whatToShow, WhatToShow::parse);
        if (instruments == null || instruments.isEmpty()) {
            check.fail("instruments", "Pick at least one instrument");
        } else if (isCsv() && instruments.size() != 1) {
            check.fail(
                    "instruments",
                    "A CSV file holds the bars of one instrument: pick exactly one, the file's");
        }
        if (!isCsv()) {
            if (from == null && !incremental) {
                check.fail("from", "Choose the first day, or collect incrementally");
            }
            if (to == null && !upToNow) {
                check.fail("to", "Choose the last day, or collect up to now");
            }
            if (from != null && to != null && !upToNow && to.isBefore(from)) {
                check.fail("to", "The last day " + to + " is before the first day " + from);
            }
        }
        if (gapsOnly && incremental) {
            check.fail("gapsOnly", "Fill gaps or collect incrementally, not both");
        }
        if (isCsv()) {
            if (!fileChosen) {
                check.fail("file", "Choose the CSV file to upload");
            }
            check.parse("timeZone", timeZone, CollectForm::zoneOf);
        }
        return check.errors;
    }

    /**
     * The request the form describes, of any source but csv.
     *
     * @throws HistoryFailureException naming every field at fault
     */
    CollectionRequest request() {
        refuseProblems(true);
        return request(
                from == null ? null : startOf(from),
                upToNow ? null : startOf(to.plusDays(1)),
                null);
    }

    private void refuseProblems(boolean fileChosen) {
        List<FieldError> errors = problems(fileChosen);
        if (!errors.isEmpty()) {
            throw HistoryFailureException.invalid(errors);
        }
    }

    private CollectionRequest request(Instant start, Instant end, Long upload) {
        return new CollectionRequest(
                HistorySourceName.parse(source),
                instruments,
                BarSize.parse(barSize),
                start,
                end,
                incremental,
                gapsOnly,
                WhatToShow.parse(whatToShow),
                rthOnly,
                upload);
    }

    /** The instrument of a CSV file: the one picked. */
    String csvSymbol() {
        return instruments.get(0);
    }

    BarSize barSizeValue() {
        return BarSize.parse(barSize);
    }

    ZoneId zone() {
        return zoneOf(timeZone.strip());
    }

    private static ZoneId zoneOf(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "'"
                            + name
                            + "' is not a time zone: use a name such as America/New_York,"
                            + " Europe/London or UTC");
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Collects each field's reason instead of stopping at the first. */
    private static final class Check {

        final List<FieldError> errors = new ArrayList<>();

        void fail(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        void parse(String field, String text, Function<String, ?> parser) {
            if (text == null || text.isBlank()) {
                fail(field, "Choose a value");
                return;
            }
            try {
                parser.apply(text.strip());
            } catch (IllegalArgumentException | DateTimeException e) {
                fail(field, e.getMessage());
            }
        }
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public List<String> getInstruments() {
        return instruments;
    }

    public void setInstruments(List<String> instruments) {
        this.instruments = instruments == null ? new ArrayList<>() : new ArrayList<>(instruments);
    }

    public String getBarSize() {
        return barSize;
    }

    public void setBarSize(String barSize) {
        this.barSize = barSize;
    }

    public String getWhatToShow() {
        return whatToShow;
    }

    public void setWhatToShow(String whatToShow) {
        this.whatToShow = whatToShow;
    }

    public boolean isRthOnly() {
        return rthOnly;
    }

    public void setRthOnly(boolean rthOnly) {
        this.rthOnly = rthOnly;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public boolean isUpToNow() {
        return upToNow;
    }

    public void setUpToNow(boolean upToNow) {
        this.upToNow = upToNow;
    }

    public boolean isIncremental() {
        return incremental;
    }

    public void setIncremental(boolean incremental) {
        this.incremental = incremental;
    }

    public boolean isGapsOnly() {
        return gapsOnly;
    }

    public void setGapsOnly(boolean gapsOnly) {
        this.gapsOnly = gapsOnly;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
