package org.tickerdesk.history.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.tickerdesk.history.entity.CollectedWindow;
import org.tickerdesk.history.entity.CollectionRequest;
import org.tickerdesk.history.entity.HistoryWindow;
import org.tickerdesk.history.entity.SourceBars;
import org.tickerdesk.history.entity.TimeRange;
import org.tickerdesk.instruments.entity.Contract;

/**
 * One instrument's part of a collection while a batch execution runs it: the windows it still
 * needs, oldest first, and where it is among them. Not thread-safe: one partition thread reads it.
 */
public final class PartitionRun {

    private final long jobId;
    private final long execution;
    private final int position;
    private final long instrumentId;
    private final Contract contract;
    private final CollectionRequest request;
    private final HistorySource source;
    private final List<TimeRange> windows;
    private final Instant plannedTo;
    private int next;
    private long retriesSoFar;

    PartitionRun(
            long jobId,
            long execution,
            int position,
            long instrumentId,
            Contract contract,
            CollectionRequest request,
            HistorySource source,
            List<TimeRange> windows,
            Instant plannedTo) {
        this.jobId = jobId;
        this.execution = execution;
        this.position = position;
        this.instrumentId = instrumentId;
        this.contract = contract;
        this.request = request;
        this.source = source;
        this.windows = List.copyOf(windows);
        this.plannedTo = plannedTo;
    }

    public long jobId() {
        return jobId;
    }

    /** The batch execution running it: its writes count only while it is the collection's. */
    public long execution() {
        return execution;
    }

    public int position() {
        return position;
    }

    public String symbol() {
        return contract.symbol();
    }

    long instrumentId() {
        return instrumentId;
    }

    CollectionRequest request() {
        return request;
    }

    HistorySource source() {
        return source;
    }

    int windowCount() {
        return windows.size();
    }

    boolean hasNext() {
        return next < windows.size();
    }

    /** Where the next window starts: the cursor a checkpoint keeps. */
    public Instant cursor() {
        return hasNext() ? windows.get(next).from() : plannedTo;
    }

    /** Fetches the next window through the fetcher's retries and moves past it. */
    CollectedWindow fetchNext(WindowFetcher fetcher, Duration timeout) {
        TimeRange range = windows.get(next);
        HistoryWindow window =
                new HistoryWindow(
                        contract,
                        request.barSize(),
                        range.from(),
                        range.to(),
                        request.whatToShow(),
                        request.regularHoursOnly(),
                        request.upload());
        AtomicLong attempts = new AtomicLong();
        SourceBars answer;
        try {
            answer = fetcher.fetch(source, window, timeout, attempts);
        } finally {
            retriesSoFar = Math.max(0, attempts.get() - 1);
        }
        next++;
        return new CollectedWindow(range, answer, retriesSoFar, cursor());
    }

    /** The retries the last window took, also when it failed in the end. */
    long lastRetries() {
        return retriesSoFar;
    }
}
