package org.tickerdesk.platform.control;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One thread, made when the lane opens, that runs what it is given one after the other, in the
 * order given. Giving it work costs a queue offer and no more.
 *
 * <p>Work that leaves a request or a lane for the server's managed executor pays for it on every
 * task: Payara captures the application's context for each task it is given, and looks up the
 * context's providers with a {@code ServiceLoader} over every jar of the application each time. A
 * flight recording of the toggle benchmark found 7 % of the server's CPU samples there, on the
 * request threads. A lane's thread is made once by the server's {@code ManagedThreadFactory} and
 * keeps the context it was made with; it is made when the lane opens, on the thread that opens it,
 * so that the first task, which may come from a thread without the application's context (one of
 * the data grid's), still runs with it.
 */
public final class Lane implements Executor, AutoCloseable {

    private final ThreadPoolExecutor thread;

    private Lane(ThreadFactory threads) {
        thread =
                new ThreadPoolExecutor(
                        1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
        thread.prestartAllCoreThreads();
    }

    /** A lane on a thread of {@code threads}, made now. */
    public static Lane open(ThreadFactory threads) {
        return new Lane(threads);
    }

    /**
     * Runs the task after those given before it.
     *
     * @throws RejectedExecutionException once the lane is closed
     */
    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /** Takes no more work and lets the thread end once what it was given is done. */
    @Override
    public void close() {
        thread.shutdown();
    }

    /** Whether the lane was closed and its thread has ended. */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return thread.awaitTermination(timeout, unit);
    }
}
