package org.tickerdesk.history.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tickerdesk.history.control.CollectionJobs;

/** Tells the collection when its batch execution begins and how it ended. */
@Named("collectionListener")
@Dependent
public class CollectionListener implements JobListener {

    @Inject
    @BatchProperty(name = "collection")
    String collection;

    @Inject JobContext job;

    @Inject CollectionJobs jobs;

    @Override
    public void beforeJob() {
        jobs.executionBegan(Long.parseLong(collection), job.getExecutionId());
    }

    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        String exit =
                jobs.executionEnded(
                        Long.parseLong(collection),
                        job.getExecutionId(),
                        status == null ? null : status.name());
        job.setExitStatus(exit);
    }
}
