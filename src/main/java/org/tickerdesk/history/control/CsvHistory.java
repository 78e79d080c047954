package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CsvUpload;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.WhatToShow;

/**
 * Bars from an uploaded CSV file ({@link CsvUploads}, read by {@link CsvBars}): the window names
 * the upload, and gets the file's bars that start inside it.
 *
 * <p>The whole file is meant to be one window: the longest window is {@value #LONGEST_WINDOW_YEARS}
 * years, so a collection over the file's range asks once, and every bad line of the file is
 * reported in that one answer, with its line number. A line has no window of its own when its date
 * cannot be read, so there is no honest way to report bad lines per window; should a collection
 * split the file into several windows anyway (filling gaps), each window reports them all again.
 *
 * <p>Limits: trades only (the layout has no bid or ask), the bar size and symbol the file was
 * uploaded with and no other, regular hours or not as the file has them. {@value #PARALLELISM}
 * files are read at once. Nothing here is transient: a window of an upload that is no longer
 * stored, of another bar size or of another symbol is REFUSED.
 */
@ApplicationScoped
@HistorySource.ConfiguredAs(HistorySourceName.CSV)
public class CsvHistory implements HistorySource {

    static final int LONGEST_WINDOW_YEARS = 100;
    static final int PARALLELISM = 2;

    private static final Duration LONGEST_WINDOW = Duration.ofDays(36_525);

    private CsvUploads uploads;

    protected CsvHistory() {
        // for CDI
    }

    @Inject
    public CsvHistory(CsvUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public HistorySourceName name() {
        return HistorySourceName.CSV;
    }

    @Override
    public Optional<Duration> longestWindow(BarSize barSize) {
        return Optional.of(LONGEST_WINDOW);
    }

    @Override
    public boolean serves(WhatToShow series) {
        return series == WhatToShow.TRADES;
    }

    @Override
    public int parallelism() {
        return PARALLELISM;
    }

    @Override
    public SourceBars bars(HistoryWindow window, Duration timeout) {
        Long id = window.upload();
        if (id == null) {
            throw new HistoryFailureException(
                    Kind.REFUSED,
                    "Bars from a CSV file need the uploaded file; "
                            + window.describe()
                            + " names none");
        }
        if (!serves(window.whatToShow())) {
            throw new HistoryFailureException(
                    Kind.REFUSED,
                    "A CSV file holds trades only, no " + window.whatToShow() + " bars");
        }
        CsvUpload upload = uploads.find(id).orElseThrow(() -> CsvUploads.gone(id));
        if (upload.barSize() != window.barSize()) {
            throw new HistoryFailureException(
                    Kind.REFUSED,
                    describe(upload)
                            + " holds "
                            + upload.barSize().label()
                            + " bars, not "
                            + window.barSize().label());
        }
        if (!upload.symbol().equals(window.contract().symbol())) {
            throw new HistoryFailureException(
                    Kind.REFUSED,
                    describe(upload)
                            + " holds bars of "
                            + upload.symbol()
                            + ", not of "
                            + window.contract().symbol());
        }
        CsvBars.Parsed parsed;
        try {
            parsed =
                    CsvBars.parse(
                            CsvBars.text(uploads.content(id)), upload.barSize(), upload.zone());
        } catch (IllegalArgumentException e) {
            throw new HistoryFailureException(
                    Kind.CORRUPT_DATA, describe(upload) + " cannot be read: " + e.getMessage());
        }
        return parsed.within(window.from(), window.to());
    }

    private static String describe(CsvUpload upload) {
        return "The uploaded file " + upload.id() + " (" + upload.fileName() + ")";
    }
}
