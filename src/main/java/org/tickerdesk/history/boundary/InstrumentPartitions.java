package org.tickerdesk.history.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;
import org.tickerdesk.history.control.CollectionRuns;
import org.tickerdesk.history.control.CollectionStore;
import org.tickerdesk.history.control.HistorySources;
import org.tickerdesk.history.entity.CollectionRequest;

/**
 * The collection job's partition mapper: one partition per instrument, at most as many running at
 * once as the source allows. Each partition is told the job's execution, whose writes count only
 * while it is the collection's.
 */
@Named("instrumentPartitions")
@Dependent
public class InstrumentPartitions implements PartitionMapper {

    @Inject
    @BatchProperty(name = "collection")
    String collection;

    @Inject JobContext job;

    @Inject CollectionStore store;

    @Inject HistorySources sources;

    @Inject CollectionRuns runs;

    @Override
    public PartitionPlan mapPartitions() {
        long jobId = Long.parseLong(collection);
        CollectionRequest request =
                store.request(jobId)
                        .orElseThrow(() -> new IllegalStateException("No collection " + jobId));
        runs.estimate(jobId);
        int count = request.symbols().size();
        Properties[] properties = new Properties[count];
        for (int i = 0; i < count; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("position", Integer.toString(i));
            properties[i].setProperty("execution", Long.toString(job.getExecutionId()));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(count);
        plan.setThreads(
                Math.max(1, Math.min(count, sources.named(request.source()).parallelism())));
        plan.setPartitionProperties(properties);
        return plan;
    }
}
