package org.tickerdesk.history.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.history.entity.ExecutionSummary;
import org.tickerdesk.history.entity.PartitionProgress;
import org.tickerdesk.history.entity.StepMetrics;

/**
 * A collection's batch executions as the JobOperator reports them, and the operator's stop and
 * abandon. Each execution shows its step's counts over every instrument as the batch runtime keeps
 * them (windows read and written, commits, rollbacks); the latest also shows each instrument's
 * counts from the collection's own tracking, which spans executions: windows read and committed,
 * bars written and skipped.
 */
@ApplicationScoped
public class ExecutionHistory {

    private static final Logger LOG = Logger.getLogger(ExecutionHistory.class.getName());

    static final String ALL = "all instruments";

    @Inject BatchOperator batch;

    public List<ExecutionSummary> executions(List<Long> ids, List<PartitionProgress> partitions) {
        JobOperator operator = batch.get();
        List<ExecutionSummary> summaries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            List<StepMetrics> steps = new ArrayList<>();
            JobExecution execution;
            try {
                execution = operator.getJobExecution(id);
                for (StepExecution step : operator.getStepExecutions(id)) {
                    steps.add(metrics(ALL, step.getMetrics()));
                }
            } catch (NoSuchJobExecutionException | JobSecurityException e) {
                continue;
            }
            if (i == ids.size() - 1) {
                partitions.forEach(
                        p ->
                                steps.add(
                                        new StepMetrics(
                                                p.symbol(),
                                                p.windowsDone(),
                                                p.barsWritten(),
                                                p.barsSkipped(),
                                                p.windowsDone(),
                                                0)));
            }
            summaries.add(
                    new ExecutionSummary(
                            id,
                            String.valueOf(execution.getBatchStatus()),
                            execution.getExitStatus(),
                            instant(execution.getStartTime()),
                            instant(execution.getEndTime()),
                            steps));
        }
        return summaries;
    }

    void stop(long executionId) {
        try {
            batch.get().stop(executionId);
        } catch (RuntimeException e) {
            // an execution that ended meanwhile needs no stopping; the listener records the end
            LOG.log(Level.FINE, "Execution " + executionId + " could not be stopped", e);
        }
    }

    void abandon(long executionId) {
        try {
            batch.get().abandon(executionId);
        } catch (RuntimeException e) {
            // a dead server's execution is marked failed, not abandoned; the collection is anyway
            LOG.log(Level.FINE, "Execution " + executionId + " could not be abandoned", e);
        }
    }

    private static StepMetrics metrics(String name, Metric[] metrics) {
        long read = 0;
        long write = 0;
        long skip = 0;
        long commit = 0;
        long rollback = 0;
        for (Metric m : metrics) {
            switch (m.getType()) {
                case READ_COUNT -> read = m.getValue();
                case WRITE_COUNT -> write = m.getValue();
                case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skip += m.getValue();
                case COMMIT_COUNT -> commit = m.getValue();
                case ROLLBACK_COUNT -> rollback = m.getValue();
                default -> {}
            }
        }
        return new StepMetrics(name, read, write, skip, commit, rollback);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
