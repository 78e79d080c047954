package org.tickerdesk.history.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The stored form of an uploaded CSV file: what {@link CsvUpload} describes, who uploaded it and
 * when, and the file itself. The description and the content are read by separate queries, so that
 * describing an upload never loads a file of up to tens of megabytes.
 */
@Entity
@Table(name = "csv_uploads")
@NamedQuery(
        name = CsvFile.DESCRIPTION,
        query =
                "SELECT f.id, f.fileName, f.symbol, f.barSize, f.timeZone, f.lineCount,"
                        + " f.firstBar, f.lastBar FROM CsvFile f WHERE f.id = :id")
@NamedQuery(name = CsvFile.CONTENT, query = "SELECT f.content FROM CsvFile f WHERE f.id = :id")
@NamedQuery(
        name = CsvFile.DELETE_OLDER_THAN,
        query = "DELETE FROM CsvFile f WHERE f.uploadedAt < :cutoff")
public class CsvFile {

    public static final String DESCRIPTION = "CsvFile.description";
    public static final String CONTENT = "CsvFile.content";
    public static final String DELETE_OLDER_THAN = "CsvFile.deleteOlderThan";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(nullable = false, length = 32)
    private String symbol;

    @Column(name = "bar_size", nullable = false, length = 16)
    private String barSize;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "uploaded_by", nullable = false, length = 160)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(nullable = false)
    private byte[] content;

    @Column(name = "size", nullable = false)
    private long bytes;

    @Column(name = "line_count", nullable = false)
    private int lineCount;

    @Column(name = "first_bar")
    private Instant firstBar;

    @Column(name = "last_bar")
    private Instant lastBar;

    protected CsvFile() {
        // for JPA
    }

    /** What is stored of one upload; the database assigns its id. */
    public CsvFile(
            String fileName,
            String symbol,
            BarSize barSize,
            ZoneId zone,
            String uploadedBy,
            Instant uploadedAt,
            byte[] content,
            int lineCount,
            Instant firstBar,
            Instant lastBar) {
        this.fileName = fileName;
        this.symbol = symbol;
        this.barSize = barSize.label();
        this.timeZone = zone.getId();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.content = content;
        this.bytes = content.length;
        this.lineCount = lineCount;
        this.firstBar = firstBar;
        this.lastBar = lastBar;
    }

    /** The upload as described, once the database has assigned its id. */
    public CsvUpload upload() {
        return new CsvUpload(
                id,
                fileName,
                symbol,
                BarSize.parse(barSize),
                ZoneId.of(timeZone),
                lineCount,
                firstBar,
                lastBar);
    }

    public Long id() {
        return id;
    }
}
