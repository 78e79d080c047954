package org.tickerdesk.notifications.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.tickerdesk.notifications.control.Dispatcher;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * The dispatcher as a task of the tasks console: every few seconds it delivers whatever is due, so
 * a delivery whose timer was lost (a restart, another instance) still goes out. Deliveries do not
 * wait for it: the dispatcher runs as soon as a notification is committed, and sets its own timer
 * for a retry. At start-up it delivers what a stopped server left.
 */
@ApplicationScoped
public class NotificationDispatch implements ScheduledTask {

    @Inject Dispatcher dispatcher;

    void started(@Observes Startup startup) {
        dispatcher.wake();
    }

    @Override
    public String name() {
        return "notification-dispatch";
    }

    @Override
    public String description() {
        return "Delivers the notifications that are due through their channels, retrying failed"
                + " ones";
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofSeconds(5);
    }

    /** A pass waits at most a batch of channel timeouts (10 s each), far less than this. */
    @Override
    public Duration timeLimit() {
        return Duration.ofMinutes(5);
    }

    /** A channel failing is shown on its own; it does not make the server unready. */
    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public void run() {
        dispatcher.dispatchDue();
    }
}
