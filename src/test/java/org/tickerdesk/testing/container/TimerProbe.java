package org.tickerdesk.testing.container;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import java.io.Serializable;
import java.util.List;

/**
 * Deployed with the tests: lists the EJB timers of the application. A timer can only be read from
 * inside an enterprise bean, so the test asks this one and gets plain values back.
 */
@Singleton
public class TimerProbe {

    /** What a test needs to know of one timer. */
    public record TimerFacts(
            Serializable info, boolean persistent, boolean calendar, long millisToNext) {}

    @Resource TimerService timers;

    public List<TimerFacts> all() {
        return timers.getAllTimers().stream().map(TimerProbe::facts).toList();
    }

    private static TimerFacts facts(Timer timer) {
        return new TimerFacts(
                timer.getInfo(),
                timer.isPersistent(),
                timer.isCalendarTimer(),
                timer.getTimeRemaining());
    }
}
