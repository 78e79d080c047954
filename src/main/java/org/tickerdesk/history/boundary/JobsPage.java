package org.tickerdesk.history.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.history.control.CollectionJobs;
import org.tickerdesk.history.entity.JobDetail;
import org.tickerdesk.history.entity.JobFilter;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatus;
import org.tickerdesk.platform.control.ProblemException;

/**
 * The Jobs page: the collections, newest first, of one status or of any ({@code ?status=FAILED}),
 * one collection's executions and skipped bars ({@code ?job=7}), and stopping, restarting and
 * abandoning them (admins only). The page is rendered once; its script keeps the rows current from
 * the {@code jobs} stream. An action reads the collection's status afresh before acting, since the
 * rows the page shows have moved on since it was rendered.
 */
@Named
@ViewScoped
public class JobsPage implements Serializable {

    private static final Logger LOG = Logger.getLogger(JobsPage.class.getName());

    @Inject CollectionJobs jobs;

    @Inject FacesContext faces;

    private JobStatus status;
    private Long selected;
    private List<JobSnapshot> shown = List.of();
    private JobDetail detail;

    @PostConstruct
    void load() {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        status = parse(parameters.get("status"));
        selected = id(parameters.get("job"));
        refresh();
    }

    private void refresh() {
        shown = read(() -> jobs.list(new JobFilter(status, null, null, 100)), List.of());
        detail =
                selected == null
                        ? null
                        : read(() -> jobs.detail(selected), Optional.<JobDetail>empty())
                                .orElse(null);
    }

    public void stop(long id) {
        act(JobCommand.STOP, id, "is stopping: each instrument finishes its current window");
    }

    public void restart(long id) {
        act(JobCommand.RESTART, id, "restarted from its last checkpoints");
    }

    public void abandon(long id) {
        act(JobCommand.ABANDON, id, "abandoned: it will not be restarted");
    }

    private void act(JobCommand command, long id, String outcome) {
        if (!isAdmin()) {
            faces.addMessage(
                    null, error("Only an admin may stop, restart or abandon a collection"));
            return;
        }
        try {
            Optional<JobSnapshot> current = jobs.find(id);
            if (current.isEmpty()) {
                faces.addMessage(null, error("There is no collection " + id));
            } else if (!command.allowedIn(current.get().status())) {
                faces.addMessage(null, error(command.refusal(id, current.get().status())));
            } else {
                switch (command) {
                    case STOP -> jobs.stop(id);
                    case RESTART -> jobs.restart(id);
                    case ABANDON -> jobs.abandon(id);
                }
                faces.addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_INFO,
                                "Collection " + id + " " + outcome,
                                null));
            }
        } catch (ProblemException e) {
            faces.addMessage(null, error(e.getMessage()));
        }
        refresh();
    }

    /**
     * A page that cannot read the collections still renders, saying so, rather than failing as a
     * whole: the rest of the admin stays reachable from it.
     */
    private <T> T read(Supplier<T> reading, T otherwise) {
        try {
            return reading.get();
        } catch (ProblemException e) {
            faces.addMessage(null, error(e.getMessage()));
            return otherwise;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The collections could not be read", e);
            faces.addMessage(null, error("The collections could not be read: " + e.getMessage()));
            return otherwise;
        }
    }

    private JobStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JobStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            faces.addMessage(
                    null,
                    error(
                            "'"
                                    + text
                                    + "' is not a status: use one of "
                                    + Arrays.toString(JobStatus.values())
                                    + "; showing every status"));
            return null;
        }
    }

    private Long id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            faces.addMessage(null, error("'" + text + "' is not a collection's number"));
            return null;
        }
    }

    private static FacesMessage error(String message) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null);
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    public List<JobSnapshot> getJobs() {
        return shown;
    }

    public JobDetail getDetail() {
        return detail;
    }

    /** The status shown, or null for every status. */
    public JobStatus getStatus() {
        return status;
    }

    public JobStatus[] getStatuses() {
        return JobStatus.values();
    }

    public String statusesFor(String command) {
        return JobCommand.valueOf(command).statuses();
    }

    /**
     * The formats below are also the page script's (jobs.js), so a pushed value looks like a
     * rendered one.
     */
    public String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    public String percent(long done, long total) {
        return total > 0 ? (done * 100 / total) + "%" : "–";
    }

    public String rate(double barsPerSecond) {
        return Double.isFinite(barsPerSecond)
                ? String.format(Locale.US, "%.1f bars/s", barsPerSecond)
                : "–";
    }

    public String instant(Instant at) {
        return at == null ? "–" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "2024-01-02T00:00:00Z to now", "from the last stored bar to now", ... */
    public String range(JobSnapshot job) {
        String from =
                job.request().from() == null
                        ? "the last stored bar"
                        : instant(job.request().from());
        String to = job.request().toNow() ? "now" : instant(job.request().to());
        return from + " to " + to;
    }
}
