package org.tickerdesk.history.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;
import org.tickerdesk.history.control.CollectionJobs;
import org.tickerdesk.history.control.CsvCollections;
import org.tickerdesk.history.control.CsvUploads;
import org.tickerdesk.history.control.HistoryFailureException;
import org.tickerdesk.history.entity.BarSize;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.CsvUpload;
import org.tickerdesk.history.entity.HistorySourceName;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.WhatToShow;
import org.tickerdesk.instruments.control.InstrumentCatalog;
import org.tickerdesk.instruments.entity.Contract;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.platform.entity.FieldError;

/**
 * The Collect page: starts a collection of bars for instruments of the watchlist, or of an uploaded
 * CSV file, and goes on to the Jobs page showing it. Whatever is refused is said beside its field
 * and the form keeps what was chosen; a CSV file stored before the collection was refused is kept
 * for the next try, so it need not be chosen again.
 */
@Named
@ViewScoped
public class CollectPage implements Serializable {

    /**
     * The field names of the collection's checks and of CSV uploads, and the inputs that hold them.
     */
    static final Map<String, String> FIELDS =
            Map.ofEntries(
                    Map.entry("source", "source"),
                    Map.entry("instruments", "instruments"),
                    Map.entry("symbol", "instruments"),
                    Map.entry("barSize", "barSize"),
                    Map.entry("whatToShow", "whatToShow"),
                    Map.entry("rthOnly", "rthOnly"),
                    Map.entry("from", "from"),
                    Map.entry("to", "to"),
                    Map.entry("incremental", "incremental"),
                    Map.entry("gapsOnly", "gapsOnly"),
                    Map.entry("file", "file"),
                    Map.entry("fileName", "file"),
                    Map.entry("timeZone", "timeZone"),
                    Map.entry("zone", "timeZone"));

    static final String FORM = "collect:";

    @Inject CollectionJobs jobs;

    @Inject CsvUploads uploads;

    @Inject CsvCollections csv;

    @Inject InstrumentCatalog catalog;

    @Inject FacesContext faces;

    @Inject Clock clock;

    private final CollectForm form = new CollectForm();
    private List<String> watchlist;

    /** Only during the request that chose it: a file is read at once, never kept in the view. */
    private transient UploadedFile file;

    private StoredFile stored;

    /** A CSV file stored already, and what it was stored as. */
    record StoredFile(long id, String name, String symbol, BarSize barSize, String zone)
            implements Serializable {}

    @PostConstruct
    void load() {
        watchlist = catalog.watchlist().stream().map(Contract::symbol).sorted().toList();
    }

    public void yearOfDailyBars() {
        form.yearOfDailyBars(today());
    }

    public void thirtyDaysOfMinuteBars() {
        form.thirtyDaysOfMinuteBars(today());
    }

    public void fillGaps() {
        form.fillGaps();
    }

    /** Starts the collection and shows it on the Jobs page; stays here, saying why, if refused. */
    public String start() {
        if (!isAdmin()) {
            faces.addMessage(null, error("Only an admin may start a collection"));
            return null;
        }
        try {
            JobSnapshot job = jobs.start(form.isCsv() ? csvRequest() : form.request(), user());
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            "Collection " + job.id() + " started",
                            null));
            return "/admin/jobs.xhtml?faces-redirect=true&job=" + job.id();
        } catch (ProblemException e) {
            showBesideFields(e);
            return null;
        }
    }

    /**
     * Stores the chosen file, or reuses the one stored for the same instrument, size and zone when
     * none was chosen, and asks for its bars; the form's own checks come first, so a refused form
     * stores nothing.
     */
    private CollectionRequest csvRequest() {
        boolean chosen = file != null && file.getSize() > 0;
        boolean reusable = !chosen && stored != null && storedFor(stored);
        List<FieldError> problems = form.problems(chosen || reusable);
        if (!problems.isEmpty()) {
            throw HistoryFailureException.invalid(problems);
        }
        CsvUpload upload;
        if (reusable) {
            upload =
                    uploads.find(stored.id())
                            .orElseThrow(
                                    () ->
                                            HistoryFailureException.invalid(
                                                    "file",
                                                    stored.name()
                                                            + " is no longer stored: choose it"
                                                            + " again"));
        } else {
            upload =
                    uploads.store(
                            file.getFileName(),
                            form.csvSymbol(),
                            form.barSizeValue(),
                            form.zone(),
                            file.getContent(),
                            user());
            stored =
                    new StoredFile(
                            upload.id(),
                            upload.fileName(),
                            upload.symbol(),
                            upload.barSize(),
                            upload.zone().getId());
        }
        return csv.request(upload);
    }

    private boolean storedFor(StoredFile file) {
        return file.symbol().equals(form.csvSymbol())
                && file.barSize() == form.barSizeValue()
                && file.zone().equals(form.zone().getId());
    }

    /**
     * Puts each field's message beside that field; a message of no field goes beside the source,
     * since what fails as a whole (no such source here, ...) is about where the bars come from.
     */
    private void showBesideFields(ProblemException problem) {
        if (problem.errors().isEmpty()) {
            faces.addMessage(FORM + "source", error(problem.getMessage()));
        }
        for (FieldError error : problem.errors()) {
            String input = FIELDS.getOrDefault(error.field(), "source");
            faces.addMessage(FORM + input, error(error.message()));
        }
        faces.validationFailed();
    }

    private static FacesMessage error(String message) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String user() {
        return faces.getExternalContext().getRemoteUser();
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    public CollectForm getForm() {
        return form;
    }

    public List<String> getWatchlist() {
        return watchlist;
    }

    public HistorySourceName[] getSources() {
        return HistorySourceName.values();
    }

    public BarSize[] getBarSizes() {
        return BarSize.values();
    }

    public WhatToShow[] getSeries() {
        return WhatToShow.values();
    }

    /** The name of the CSV file stored already, or null. */
    public String getStoredFile() {
        return stored == null ? null : stored.name();
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
