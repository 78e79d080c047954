package org.tickerdesk.trading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.trading.control.ExitEngine;
import org.tickerdesk.trading.control.ExitOrders;
import org.tickerdesk.trading.control.PositionKeeper;
import org.tickerdesk.trading.control.Positions;

/**
 * Starts the exit engine once the order desk is up (guards every open position again, brings
 * pending entries and unfinished exits up to date) and drives its clock: the sweep every 10 s and
 * the positions' prices twice a second. Non-persistent timers: the state they work on is in
 * PostgreSQL, and a persistent timer would not survive a restart of Payara Micro anyway. A run
 * still going when the next is due makes that one skip.
 */
@Singleton
@Startup
@DependsOn("OrderDesk")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExitSweep {

    static final long SWEEP_MILLIS = 10_000;
    static final long PRICES_MILLIS = 500;
    private static final String SWEEP = "exit-sweep";
    private static final String PRICES = "position-prices";
    private static final Logger LOG = Logger.getLogger(ExitSweep.class.getName());

    @Resource TimerService timers;

    @Inject ExitEngine engine;

    @Inject ExitOrders orders;

    @Inject PositionKeeper keeper;

    @Inject Positions positions;

    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final AtomicBoolean pricing = new AtomicBoolean();

    @PostConstruct
    void start() {
        keeper.load();
        positions.resume();
        orders.resume();
        timers.createIntervalTimer(SWEEP_MILLIS, SWEEP_MILLIS, new TimerConfig(SWEEP, false));
        timers.createIntervalTimer(PRICES_MILLIS, PRICES_MILLIS, new TimerConfig(PRICES, false));
    }

    @Timeout
    void timeout(Timer timer) {
        boolean sweep = SWEEP.equals(timer.getInfo());
        AtomicBoolean running = sweep ? sweeping : pricing;
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (sweep) {
                engine.sweep();
            } else {
                engine.publishPrices();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "The " + timer.getInfo() + " run failed");
        } finally {
            running.set(false);
        }
    }
}
