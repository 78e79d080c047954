package org.tickerdesk.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock every bean that tells time injects, so a test can set the time instead of waiting for
 * it. UTC, as everything Tickerdesk stores.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    @Dependent
    Clock clock() {
        return Clock.systemUTC();
    }
}
