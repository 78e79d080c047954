package org.tickerdesk.history.boundary;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.tickerdesk.history.entity.JobStatus;

/**
 * What the Jobs page offers to do to a collection, and in which statuses: stop one that runs and is
 * not stopping already, restart one that stopped or failed, abandon one that is neither running nor
 * final (abandoning gives up the restart).
 */
public enum JobCommand {
    STOP("stopped"),
    RESTART("restarted"),
    ABANDON("abandoned");

    private final String done;

    JobCommand(String done) {
        this.done = done;
    }

    public boolean allowedIn(JobStatus status) {
        return switch (this) {
            case STOP -> status == JobStatus.STARTING || status == JobStatus.STARTED;
            case RESTART -> status.isRestartable();
            case ABANDON -> !status.isRunning() && !status.isFinal();
        };
    }

    /**
     * The statuses it is allowed in, separated by spaces: the page's script enables the button by
     * them as the collection's status changes.
     */
    public String statuses() {
        return Arrays.stream(JobStatus.values())
                .filter(this::allowedIn)
                .map(Enum::name)
                .collect(Collectors.joining(" "));
    }

    /** "Collection 7 is COMPLETED: it cannot be restarted now". */
    String refusal(long id, JobStatus status) {
        return "Collection " + id + " is " + status + ": it cannot be " + done + " now";
    }
}
