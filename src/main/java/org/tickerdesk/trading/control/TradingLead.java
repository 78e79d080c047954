package org.tickerdesk.trading.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.LeadershipChanged;

/**
 * Trading runs on the member that leads. Taking the lead is a start-up of trading: the brokers
 * start with the orders they held (the last leader's orders included), every open position is
 * guarded again with the rules that fired already, pending entries and unfinished exits are brought
 * up to date by their client order ids ({@link Positions#resume}, {@link ExitOrders#resume}): never
 * a second exit order, never a forgotten one. Losing the lead stops the paper broker and the
 * engine's guard, which the new leader has taken over.
 *
 * <p>Standalone, this instance leads from start-up and trading starts on the start-up thread. In a
 * cluster every change is carried out on one thread of its own, in order, and reads whether this
 * member leads when it runs: a lead lost and taken back in a moment ends where leadership ended.
 * That thread, not the leadership's, waits for the order desk: the leadership's thread must keep
 * proving its lock, and the desk may still be starting.
 */
@ApplicationScoped
public class TradingLead {

    private static final Logger LOG = Logger.getLogger(TradingLead.class.getName());

    @Inject Leadership leadership;

    @Inject OrderDesk desk;

    @Inject ExitEngine engine;

    @Inject PositionKeeper keeper;

    @Inject Positions positions;

    @Inject ExitOrders orders;

    @Resource ManagedThreadFactory threads;

    /** Only in a cluster. */
    private ExecutorService lane;

    /** Whether trading runs here; read and written on the start-up thread or {@link #lane}. */
    private boolean trading;

    /** Whether the engine tracks the positions here, trading or watching; as {@link #trading}. */
    private boolean watching;

    @PostConstruct
    void open() {
        if (leadership.clustered()) {
            lane = Executors.newSingleThreadExecutor(threads);
        }
    }

    @PreDestroy
    void close() {
        if (lane != null) {
            lane.shutdown();
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** At start-up, once the order desk is up. */
    public void start() {
        if (lane == null) {
            take();
        } else {
            lane.execute(this::followLeadership);
        }
    }

    void changed(@Observes LeadershipChanged change) {
        if (lane != null) {
            lane.execute(this::followLeadership);
        }
    }

    private void followLeadership() {
        try {
            if (leadership.leading()) {
                take();
            } else {
                handOver();
                watch();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Trading could not follow this member's leadership", e);
        }
    }

    private void take() {
        if (trading) {
            return;
        }
        trading = true;
        watching = true;
        desk.lead();
        engine.guard();
        keeper.load();
        positions.resume();
        orders.resume();
    }

    private void handOver() {
        if (!trading) {
            return;
        }
        trading = false;
        engine.watchOnly();
        desk.follow();
        LOG.info("Trading stands down here: the leading member guards the positions");
    }

    /** A member that does not lead tracks the positions too, for their live prices. */
    private void watch() {
        if (watching) {
            return;
        }
        watching = true;
        keeper.load();
    }
}
