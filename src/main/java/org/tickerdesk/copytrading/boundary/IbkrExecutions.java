package org.tickerdesk.copytrading.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.tickerdesk.copytrading.control.TradeFeeds;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * The {@code ibkr-executions} task of the tasks console: every minute the {@code ibkr} trade feed
 * asks TWS again for the day's executions of the leader accounts followed through it, so that a
 * trader added or given an account since the last connection is served, and executions TWS did not
 * push live (to a client that is not the master API client) arrive within a minute. Without IBKR a
 * run does nothing and, while an enabled trader follows the feed, it says why once in the log.
 */
@ApplicationScoped
public class IbkrExecutions implements ScheduledTask {

    @Inject TradeFeeds feeds;

    @Override
    public String name() {
        return "ibkr-executions";
    }

    @Override
    public String description() {
        return "Asks TWS again for the day's executions of the leader accounts followed through"
                + " the ibkr feed";
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public void run() {
        feeds.poll("ibkr");
    }
}
