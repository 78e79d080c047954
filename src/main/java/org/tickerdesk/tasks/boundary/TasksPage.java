package org.tickerdesk.tasks.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.ClusterMember;
import org.tickerdesk.cluster.entity.ClusterView;
import org.tickerdesk.platform.control.ProblemException;
import org.tickerdesk.tasks.control.IntervalChange;
import org.tickerdesk.tasks.control.Tasks;
import org.tickerdesk.tasks.entity.RunResult;
import org.tickerdesk.tasks.entity.TaskSnapshot;

/**
 * The Tasks page: every scheduled job with its schedule, last and next run, counters and recent
 * runs, and the admin's run now, pause, resume and interval. The page is rendered once; its script
 * keeps each task current from the {@code tasks} stream. The actions go through the same scheduler
 * as the REST API's, and a refusal is shown as a message naming the field.
 */
@Named
@ViewScoped
public class TasksPage implements Serializable {

    /** Recent runs shown per task; the API has more. */
    static final int HISTORY = 10;

    private static final Logger LOG = Logger.getLogger(TasksPage.class.getName());

    @Inject Tasks tasks;

    @Inject TaskScheduler scheduler;

    @Inject FacesContext faces;

    @Inject Leadership leadership;

    private List<TaskSnapshot> shown = List.of();
    private final Map<String, List<RunResult>> histories = new HashMap<>();
    private final Map<String, String> intervals = new HashMap<>();

    @PostConstruct
    void load() {
        shown = read(tasks::list, List.<TaskSnapshot>of());
        histories.clear();
        for (TaskSnapshot task : shown) {
            histories.put(
                    task.name(),
                    read(() -> tasks.detail(task.name(), HISTORY).history(), List.of()));
            intervals.put(task.name(), String.valueOf(task.interval().toSeconds()));
        }
    }

    public void runNow(String name) {
        act(() -> scheduler.runNow(name), task -> task.name() + " is running");
    }

    public void pause(String name) {
        act(() -> scheduler.pause(name), task -> task.name() + " is paused");
        load();
    }

    public void resume(String name) {
        act(() -> scheduler.resume(name), task -> task.name() + " is resumed");
        load();
    }

    public void changeInterval(String name) {
        act(
                () -> scheduler.reschedule(name, IntervalChange.fromText(intervals.get(name))),
                task -> task.name() + " now runs every " + every(task.interval()));
        load();
    }

    private void act(Supplier<TaskSnapshot> action, Function<TaskSnapshot, String> done) {
        if (!isAdmin()) {
            faces.addMessage(null, error("Only an admin may change a task"));
            return;
        }
        try {
            TaskSnapshot task = action.get();
            faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_INFO, done.apply(task), null));
        } catch (ProblemException e) {
            faces.addMessage(null, error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A task action failed", e);
            faces.addMessage(null, error("That did not work: " + e.getMessage()));
        }
    }

    /** A page that cannot read the tasks still renders, saying so. */
    private <T> T read(Supplier<T> reading, T otherwise) {
        try {
            return reading.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The tasks could not be read", e);
            faces.addMessage(null, error("The tasks could not be read: " + e.getMessage()));
            return otherwise;
        }
    }

    private static FacesMessage error(String message) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null);
    }

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole("admin");
    }

    /** Where the tasks run: the cluster's leader, since when, and the members. */
    public String getLeadership() {
        ClusterView view = leadership.view();
        if (!view.clustered()) {
            return "Not clustered: this instance runs every task.";
        }
        String members =
                view.members().stream()
                        .map(m -> m.address() + (m.local() ? " (this member)" : ""))
                        .collect(Collectors.joining(", "));
        return view.leader()
                .map(
                        (ClusterMember leader) ->
                                "Leader: "
                                        + leader.address()
                                        + (leader.local() ? " (this member)" : "")
                                        + " since "
                                        + instant(view.since())
                                        + ". Members: "
                                        + members
                                        + ".")
                .orElse("No member leads right now: no task runs. Members: " + members + ".");
    }

    public List<TaskSnapshot> getTasks() {
        return shown;
    }

    public List<RunResult> history(String name) {
        return histories.getOrDefault(name, List.of());
    }

    /** The interval fields' text by task, as typed. */
    public Map<String, String> getIntervals() {
        return intervals;
    }

    /** As the page's script writes it too: 10 s, 5 min, 1 h, 1 d. */
    public String every(Duration interval) {
        long seconds = interval.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    public String millis(Duration duration) {
        return duration == null ? "–" : duration.toMillis() + " ms";
    }

    public String instant(Instant at) {
        return at == null ? "–" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
