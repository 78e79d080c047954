package org.tickerdesk.history.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.cluster.entity.LeadershipChanged;
import org.tickerdesk.history.control.CollectionJobs;

/**
 * In a cluster, the leader's hand on the collections: the moment a member takes the lead, and every
 * {@value #PERIOD_MILLIS} ms while it leads, it launches the collections asked for on followers and
 * restarts from their checkpoints those a member that left the grid was running ({@link
 * CollectionJobs#dispatch}; the restarts only while {@code
 * tickerdesk.history.jobs.restart-on-startup} is on, as for a server alone). Every member, leading
 * or not, also stops the collections it runs that someone asked to stop on another member. A server
 * alone has {@link CollectionRecovery} instead and launches what it is asked for itself.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CollectionDispatch {

    static final long PERIOD_MILLIS = 2000;

    private static final Logger LOG = Logger.getLogger(CollectionDispatch.class.getName());

    @Resource TimerService timers;

    @Inject CollectionJobs jobs;

    @Inject Leadership leadership;

    @Inject
    @ConfigProperty(name = "tickerdesk.history.jobs.restart-on-startup")
    boolean restartLeft;

    private volatile long started;

    /**
     * The first dispatch waits as long as {@link CollectionRecovery} does after deployment, so the
     * batch runtime finds the application and its job whole.
     */
    @PostConstruct
    void schedule() {
        started = System.currentTimeMillis();
        if (leadership.clustered()) {
            timers.createIntervalTimer(
                    CollectionRecovery.DELAY_MILLIS,
                    PERIOD_MILLIS,
                    new TimerConfig("collection dispatch", false));
        }
    }

    /** On the leadership's thread, which must not wait: the dispatch runs on a timer's. */
    public void tookTheLead(@Observes LeadershipChanged change) {
        if (change.leading() && leadership.clustered()) {
            long settled = started + CollectionRecovery.DELAY_MILLIS - System.currentTimeMillis();
            timers.createSingleActionTimer(
                    Math.max(0, settled), new TimerConfig("collection takeover", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    synchronized void dispatch() {
        if (!leadership.clustered()) {
            return;
        }
        try {
            jobs.keepOwnCollections();
            if (leadership.leading()) {
                jobs.dispatch(restartLeft);
            }
        } catch (RuntimeException e) {
            // the next period tries again; a timer that throws would be retried at once
            LOG.log(Level.WARNING, e, () -> "Dispatching the collections failed");
        }
    }
}
