package org.tickerdesk.tasks.control;

import java.time.Duration;

/**
 * SPI for a scheduled job: each component that has one makes it a CDI bean implementing this
 * interface (in its own {@code boundary}), and the tasks component finds every such bean, runs it
 * on a non-persistent EJB timer at the interval stored for it (the default until an admin changes
 * it), records each run and shows it in the tasks console. The job itself knows nothing of timers:
 * it only does one run.
 *
 * <p>A run is never started while the previous one still runs (the one due is skipped and counted),
 * and one that outlasts {@link #timeLimit()} is interrupted and recorded as failed.
 *
 * <p>An enterprise bean that implements it (a singleton exposing it as a local view) declares
 * {@link #timeLimit()} and {@link #critical()} itself, if only to return the defaults: Payara's EJB
 * proxy cannot call an interface's default method.
 */
public interface ScheduledTask {

    /** A stable key, lower case with dashes ({@code exit-sweep}): stored, and used in the API. */
    String name();

    /** One sentence for the console: what a run does. */
    String description();

    /** How often it runs until an admin sets another interval. */
    Duration defaultInterval();

    /** How long one run may take before it is interrupted and counted as failed. */
    default Duration timeLimit() {
        return defaultInterval().multipliedBy(3).compareTo(Duration.ofMinutes(5)) < 0
                ? Duration.ofMinutes(5)
                : defaultInterval().multipliedBy(3);
    }

    /**
     * Whether readiness reports the server as not ready while this task fails again and again (the
     * exit sweep guards money; a cleanup does not).
     */
    default boolean critical() {
        return false;
    }

    /**
     * Does one run, on the thread the scheduler gives it; returns normally when the run succeeded
     * and throws when it failed (the exception's message is what the console shows first).
     */
    void run() throws Exception;
}
