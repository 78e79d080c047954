package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.CsvUpload;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.platform.entity.FieldError;

/**
 * An uploaded CSV file of bars becomes a collection like any other: the file is stored (so the job
 * survives a restart), then collected over the range its bars span; each bad line is skipped and
 * reported with its line number. The REST API starts uploads here; the Collect page, which keeps a
 * stored file for the next try, asks here for its collection.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class CsvCollections {

    @Inject CsvUploads uploads;

    @Inject CollectionJobs jobs;

    @Inject Clock clock;

    /**
     * @param timeZone the zone of the file's times without an offset; blank for UTC
     */
    public JobSnapshot start(
            String fileName,
            String symbol,
            String barSize,
            String timeZone,
            byte[] content,
            String requestedBy) {
        List<FieldError> errors = new ArrayList<>();
        BarSize size = null;
        try {
            size = BarSize.parse(barSize == null ? "" : barSize.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("barSize", e.getMessage()));
        }
        ZoneId zone = ZoneOffset.UTC;
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                zone = ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                errors.add(
                        new FieldError(
                                "timeZone",
                                "'"
                                        + timeZone
                                        + "' is not a time zone; use a name such as"
                                        + " America/New_York, or UTC"));
            }
        }
        if (!errors.isEmpty()) {
            throw HistoryFailureException.invalid(errors);
        }
        CsvUpload upload = uploads.store(fileName, symbol, size, zone, content, requestedBy);
        return jobs.start(request(upload), requestedBy);
    }

    /**
     * The collection of a stored upload: its instrument's trades over the range its bars span (to
     * now at the latest); refused naming the file when not one of its lines is a bar.
     */
    public CollectionRequest request(CsvUpload upload) {
        if (upload.first() == null) {
            throw HistoryFailureException.invalid(
                    "file",
                    "No line of "
                            + upload.fileName()
                            + " is a bar Tickerdesk can store; nothing was collected");
        }
        Instant end = upload.last().plus(upload.barSize().length());
        Instant now = clock.instant();
        return new CollectionRequest(
                HistorySourceName.CSV,
                List.of(upload.symbol()),
                upload.barSize(),
                upload.first(),
                end.isAfter(now) ? now : end,
                false,
                false,
                WhatToShow.TRADES,
                false,
                upload.id());
    }
}
