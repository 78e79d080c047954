package org.tickerdesk.history.boundary;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import org.tickerdesk.history.control.CollectionRuns;
import org.tickerdesk.history.control.PartitionRun;

/**
 * The collection job's reader, one per instrument: each item is one window fetched from the source.
 * Its checkpoint is where the next window starts; on opening it goes on from the cursor stored with
 * the last written window, which is the same place or, after a crash between the bars' commit and
 * the batch runtime's checkpoint, a later one.
 */
@Named("windowReader")
@Dependent
public class WindowReader extends AbstractItemReader {

    @Inject
    @BatchProperty(name = "collection")
    String collection;

    @Inject
    @BatchProperty(name = "position")
    String position;

    @Inject
    @BatchProperty(name = "execution")
    String execution;

    @Inject StepContext step;

    @Inject CollectionRuns runs;

    private PartitionRun run;

    @Override
    public void open(Serializable checkpoint) {
        run =
                runs.open(
                                Long.parseLong(collection),
                                Long.parseLong(execution),
                                Integer.parseInt(position))
                        .orElse(null);
        step.setTransientUserData(run);
    }

    @Override
    public Object readItem() {
        if (run == null) {
            return null;
        }
        return runs.read(run).orElse(null);
    }

    @Override
    public Serializable checkpointInfo() {
        return run == null ? null : (Instant) run.cursor();
    }
}
