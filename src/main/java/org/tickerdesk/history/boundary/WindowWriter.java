package org.tickerdesk.history.boundary;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.tickerdesk.history.control.CollectionRuns;
import org.tickerdesk.history.control.PartitionRun;
import org.tickerdesk.history.entity.CollectedWindow;

/** The collection job's writer: stores each window in the chunk's transaction. */
@Named("windowWriter")
@Dependent
public class WindowWriter extends AbstractItemWriter {

    @Inject StepContext step;

    @Inject CollectionRuns runs;

    @Override
    public void writeItems(List<Object> items) {
        PartitionRun run = (PartitionRun) step.getTransientUserData();
        for (Object item : items) {
            runs.store(run, (CollectedWindow) item);
        }
    }
}
