package org.tickerdesk.trading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.tasks.control.ScheduledTask;
import org.tickerdesk.trading.control.ExitEngine;
import org.tickerdesk.trading.control.TradingLead;

/**
 * Starts trading once the order desk is up ({@link TradingLead}: on the leading member, guards
 * every open position again, brings pending entries and unfinished exits up to date) and drives the
 * exit engine's clock: the sweep every 10 s, as the {@code exit-sweep} task of the tasks console
 * (critical: readiness goes down while it keeps failing), and the positions' prices twice a second
 * on a timer of its own, a stream's conflation rather than a job. The sweep's calls wait for this
 * bean's start-up, so it never sweeps positions not yet loaded. Non-persistent timers: the state
 * they work on is in PostgreSQL, and a persistent timer would not survive a restart of Payara Micro
 * anyway. A price run still going when the next is due makes that one skip.
 */
@Singleton
@Startup
@LocalBean
@Local(ScheduledTask.class)
@DependsOn("OrderDesk")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExitSweep implements ScheduledTask {

    static final long SWEEP_MILLIS = 10_000;
    static final long PRICES_MILLIS = 500;
    private static final String SWEEP = "exit-sweep";
    private static final String PRICES = "position-prices";
    private static final Logger LOG = Logger.getLogger(ExitSweep.class.getName());

    @Resource TimerService timers;

    @Inject ExitEngine engine;

    @Inject TradingLead lead;

    private final AtomicBoolean pricing = new AtomicBoolean();

    @PostConstruct
    void start() {
        lead.start();
        timers.createIntervalTimer(PRICES_MILLIS, PRICES_MILLIS, new TimerConfig(PRICES, false));
    }

    @Timeout
    void timeout(Timer timer) {
        if (!pricing.compareAndSet(false, true)) {
            return;
        }
        try {
            engine.publishPrices();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "The " + timer.getInfo() + " run failed");
        } finally {
            pricing.set(false);
        }
    }

    @Override
    public String name() {
        return SWEEP;
    }

    @Override
    public String description() {
        return "Applies the exit rules that need no tick (time limits, ROI steps), looks again at"
                + " instruments whose ticks stopped, resends failed exits, writes prices behind";
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMillis(SWEEP_MILLIS);
    }

    /**
     * The SPI's default, declared here because Payara's EJB proxy cannot call an interface's
     * default method through a business view.
     */
    @Override
    public Duration timeLimit() {
        return ScheduledTask.super.timeLimit();
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public void run() {
        engine.sweep();
    }
}
