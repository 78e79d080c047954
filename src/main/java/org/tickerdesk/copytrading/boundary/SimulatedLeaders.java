package org.tickerdesk.copytrading.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.tickerdesk.copytrading.control.TradeFeeds;
import org.tickerdesk.tasks.control.ScheduledTask;

/**
 * The {@code simulated-leaders} task of the tasks console: polls the {@code simulated} trade feed,
 * so that every enabled trader following a simulated leader gets the trades of the slots that
 * started since the last run. It runs once a slot, at least every 5 seconds, so a slot's trades
 * arrive soon after it starts. With market data from elsewhere than the simulated market a run does
 * nothing and the feed says why once in the log.
 */
@ApplicationScoped
public class SimulatedLeaders implements ScheduledTask {

    static final Duration LONGEST = Duration.ofSeconds(5);

    @Inject TradeFeeds feeds;

    @Override
    public String name() {
        return "simulated-leaders";
    }

    @Override
    public String description() {
        return "Delivers the trades of the simulated leaders' latest slots to the traders who"
                + " follow them (simulated market only)";
    }

    @Override
    public Duration defaultInterval() {
        Duration slot = feeds.simulatedSlot();
        return slot.compareTo(LONGEST) < 0 ? slot : LONGEST;
    }

    @Override
    public void run() {
        feeds.poll("simulated");
    }
}
