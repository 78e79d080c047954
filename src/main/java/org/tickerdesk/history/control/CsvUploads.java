package org.tickerdesk.history.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.history.control.HistoryFailureException.Kind;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CsvFile;
import org.tickerdesk.history.entity.CsvUpload;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.platform.entity.FieldError;

/**
 * The uploaded CSV files of bars, stored whole in PostgreSQL ({@code csv_uploads}) so that a
 * collection reading one survives a restart. A file is checked before it is stored: not empty, at
 * most {@code tickerdesk.history.csv.max-bytes}, UTF-8, with the header {@link CsvBars} reads and
 * at least one line after it. Its lines are not held to being bars here: each bad line is reported
 * when the collection reads the file, with its number. The cleanup timer deletes old uploads.
 */
@Stateless
public class CsvUploads {

    static final String MAX_BYTES = "tickerdesk.history.csv.max-bytes";
    static final int LONGEST_FILE_NAME = 255;
    static final int LONGEST_UPLOADER = 160;

    /** What a checked file will be stored with. */
    record Checked(String fileName, String uploadedBy, CsvBars.Parsed parsed) {}

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = MAX_BYTES)
    long maxBytes;

    /**
     * Stores a file after checking it; a {@link HistoryFailureException} of kind INVALID_REQUEST
     * names every field at fault.
     */
    public CsvUpload store(
            String fileName,
            String symbol,
            BarSize barSize,
            ZoneId zone,
            byte[] content,
            String uploadedBy) {
        Checked checked = check(fileName, symbol, barSize, zone, content, uploadedBy, maxBytes);
        CsvBars.Parsed parsed = checked.parsed();
        List<Instant> starts = parsed.bars().stream().map(bar -> bar.start()).toList();
        CsvFile file =
                new CsvFile(
                        checked.fileName(),
                        symbol,
                        barSize,
                        zone,
                        checked.uploadedBy(),
                        clock.instant(),
                        content,
                        parsed.lines(),
                        starts.isEmpty() ? null : starts.get(0),
                        starts.isEmpty() ? null : starts.get(starts.size() - 1));
        em.persist(file);
        em.flush();
        return file.upload();
    }

    public Optional<CsvUpload> find(long id) {
        List<Object[]> rows =
                em.createNamedQuery(CsvFile.DESCRIPTION, Object[].class)
                        .setParameter("id", id)
                        .getResultList();
        return rows.stream().findFirst().map(CsvUploads::upload);
    }

    /** The file as uploaded; REFUSED when no upload has that id (any more). */
    public byte[] content(long id) {
        List<byte[]> contents =
                em.createNamedQuery(CsvFile.CONTENT, byte[].class)
                        .setParameter("id", id)
                        .getResultList();
        if (contents.isEmpty()) {
            throw gone(id);
        }
        return contents.get(0);
    }

    /** Deletes the uploads made before the cutoff; returns how many. */
    public int deleteOlderThan(Instant cutoff) {
        return em.createNamedQuery(CsvFile.DELETE_OLDER_THAN)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    static HistoryFailureException gone(long id) {
        return new HistoryFailureException(
                Kind.REFUSED,
                "No uploaded CSV file "
                        + id
                        + " is stored; it may have been cleaned up. Upload the file again");
    }

    /**
     * The checks of {@link #store}, every field at once where it can be; the file is parsed only
     * when it passed the others.
     */
    static Checked check(
            String fileName,
            String symbol,
            BarSize barSize,
            ZoneId zone,
            byte[] content,
            String uploadedBy,
            long maxBytes) {
        List<FieldError> errors = new ArrayList<>();
        String name = fileName(fileName);
        if (name.isEmpty()) {
            errors.add(new FieldError("fileName", "The file needs a name"));
        }
        try {
            Contract.checkSymbol(symbol);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("symbol", e.getMessage()));
        }
        if (barSize == null) {
            errors.add(
                    new FieldError(
                            "barSize", "A bar size is needed; use one of " + BarSize.LABELS));
        }
        if (zone == null) {
            errors.add(
                    new FieldError(
                            "timeZone",
                            "A time zone is needed for the file's times, such as America/New_York"
                                    + " or UTC"));
        }
        String uploader = uploadedBy == null ? "" : uploadedBy.strip();
        if (uploader.isEmpty() || uploader.length() > LONGEST_UPLOADER) {
            errors.add(
                    new FieldError(
                            "uploadedBy",
                            "Who uploads needs a name of 1 to "
                                    + LONGEST_UPLOADER
                                    + " characters"));
        }
        if (content == null || content.length == 0) {
            errors.add(new FieldError("file", "The file is empty"));
        } else if (content.length > maxBytes) {
            errors.add(
                    new FieldError(
                            "file",
                            String.format(
                                    Locale.ROOT,
                                    "The file has %,d bytes; at most %,d may be uploaded (%s)",
                                    content.length,
                                    maxBytes,
                                    MAX_BYTES)));
        }
        if (!errors.isEmpty()) {
            throw HistoryFailureException.invalid(errors);
        }
        CsvBars.Parsed parsed;
        try {
            parsed = CsvBars.parse(CsvBars.text(content), barSize, zone);
        } catch (IllegalArgumentException e) {
            throw HistoryFailureException.invalid("file", e.getMessage());
        }
        if (parsed.lines() == 0) {
            throw HistoryFailureException.invalid(
                    "file", "The file has its header but no lines of bars");
        }
        return new Checked(name, uploader, parsed);
    }

    /**
     * The name without the folders a browser may send with it ({@code C:\fakepath\bars.csv}), in
     * one printable line that fits the column.
     */
    static String fileName(String given) {
        if (given == null) {
            return "";
        }
        String name =
                given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > LONGEST_FILE_NAME ? name.substring(0, LONGEST_FILE_NAME) : name;
    }

    private static CsvUpload upload(Object[] row) {
        return new CsvUpload(
                ((Number) row[0]).longValue(),
                (String) row[1],
                (String) row[2],
                BarSize.parse((String) row[3]),
                ZoneId.of((String) row[4]),
                ((Number) row[5]).intValue(),
                (Instant) row[6],
                (Instant) row[7]);
    }
}
