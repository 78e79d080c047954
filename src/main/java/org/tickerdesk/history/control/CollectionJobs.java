package org.tickerdesk.history.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.JobDetail;
import org.tickerdesk.history.entity.JobFilter;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.JobStatistics;

/** Collections as the REST API and the pages see them. */
@ApplicationScoped
public class CollectionJobs {

    public JobSnapshot start(CollectionRequest request, String requestedBy) {
        throw new UnsupportedOperationException("being built");
    }

    public Optional<JobSnapshot> find(long id) {
        throw new UnsupportedOperationException("being built");
    }

    public Optional<JobDetail> detail(long id) {
        throw new UnsupportedOperationException("being built");
    }

    public List<JobSnapshot> list(JobFilter filter) {
        throw new UnsupportedOperationException("being built");
    }

    public JobSnapshot stop(long id) {
        throw new UnsupportedOperationException("being built");
    }

    public JobSnapshot restart(long id) {
        throw new UnsupportedOperationException("being built");
    }

    public JobSnapshot abandon(long id) {
        throw new UnsupportedOperationException("being built");
    }

    public JobStatistics statistics() {
        throw new UnsupportedOperationException("being built");
    }
}
