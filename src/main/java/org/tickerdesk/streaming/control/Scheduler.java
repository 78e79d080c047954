package org.tickerdesk.streaming.control;

/**
 * Runs a task later, on a thread of its own: how a conflated subscription sends the last value of a
 * period once the period is over. Tests run the tasks themselves as their clock moves.
 */
@FunctionalInterface
interface Scheduler {

    void schedule(Runnable task, long delayMillis);
}
