package org.tickerdesk.history.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tickerdesk.history.entity.CollectionJob;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.JobSnapshot;
import org.tickerdesk.history.entity.PartitionProgress;

/**
 * A collection's progress summed over its instruments, with its rate and expected end. The rate is
 * the current execution's own (bars written since it began, per second of its running), so a
 * restart after a long pause does not report a crawl; the expected end assumes the windows left
 * take as long as this execution's took on average.
 */
final class JobProgress {

    private JobProgress() {}

    static JobSnapshot snapshot(
            CollectionJob job,
            CollectionRequest request,
            List<PartitionProgress> partitions,
            Instant now) {
        long windowsDone = partitions.stream().mapToLong(PartitionProgress::windowsDone).sum();
        long windowsTotal = partitions.stream().mapToLong(PartitionProgress::windowsTotal).sum();
        long bars = partitions.stream().mapToLong(PartitionProgress::barsWritten).sum();
        long skipped = partitions.stream().mapToLong(PartitionProgress::barsSkipped).sum();
        long retries = partitions.stream().mapToLong(PartitionProgress::retries).sum();
        double rate = 0;
        Instant eta = null;
        if (job.status().isRunning() && job.executionStarted() != null) {
            double seconds = Duration.between(job.executionStarted(), now).toMillis() / 1000.0;
            long barsNow = bars - job.barsBeforeExecution();
            long windowsNow = windowsDone - job.windowsBeforeExecution();
            if (seconds > 0) {
                rate = Math.max(0, barsNow) / seconds;
            }
            if (windowsNow > 0 && windowsTotal >= windowsDone) {
                double perWindow = seconds / windowsNow;
                eta = now.plusMillis(Math.round(perWindow * (windowsTotal - windowsDone) * 1000));
            }
        }
        return new JobSnapshot(
                job.id(),
                job.status(),
                job.requestedBy(),
                job.createdAt(),
                job.updatedAt(),
                request,
                windowsDone,
                windowsTotal,
                bars,
                skipped,
                retries,
                Math.round(rate * 10) / 10.0,
                eta,
                job.lastError(),
                partitions);
    }
}
