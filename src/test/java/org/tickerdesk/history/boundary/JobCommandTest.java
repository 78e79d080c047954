package org.tickerdesk.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tickerdesk.history.entity.JobStatus;

/** Which of the Jobs page's buttons a collection's status enables. */
class JobCommandTest {

    @Test
    void stopWhileRunningAndNotStoppingAlready() {
        assertEquals(List.of(JobStatus.STARTING, JobStatus.STARTED), allowed(JobCommand.STOP));
    }

    @Test
    void restartWhenStoppedOrFailed() {
        assertEquals(List.of(JobStatus.STOPPED, JobStatus.FAILED), allowed(JobCommand.RESTART));
    }

    @Test
    void abandonWhenNeitherRunningNorFinal() {
        assertEquals(List.of(JobStatus.STOPPED, JobStatus.FAILED), allowed(JobCommand.ABANDON));
    }

    @Test
    void thePageScriptReadsTheStatusesSeparatedBySpaces() {
        assertEquals("STARTING STARTED", JobCommand.STOP.statuses());
    }

    @Test
    void aRefusalSaysTheStatusAndWhatCannotBeDone() {
        assertEquals(
                "Collection 7 is COMPLETED: it cannot be restarted now",
                JobCommand.RESTART.refusal(7, JobStatus.COMPLETED));
        assertEquals(
                "Collection 8 is STOPPING: it cannot be stopped now",
                JobCommand.STOP.refusal(8, JobStatus.STOPPING));
    }

    private static List<JobStatus> allowed(JobCommand command) {
        return Arrays.stream(JobStatus.values()).filter(command::allowedIn).toList();
    }
}
