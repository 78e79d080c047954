package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CsvUpload;

/** Uploaded CSV files of bars, kept for the csv collections that read them. */
@ApplicationScoped
public class CsvUploads {

    /**
     * Checks and keeps the file.
     *
     * @throws HistoryFailureException with every field at fault ({@code file}, {@code timeZone},
     *     ...)
     */
    public CsvUpload store(
            String fileName,
            String symbol,
            BarSize barSize,
            ZoneId zone,
            byte[] content,
            String uploadedBy) {
        throw new UnsupportedOperationException("being built");
    }
}
