package org.tickerdesk.history.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tickerdesk.cluster.control.Leadership;
import org.tickerdesk.history.control.CollectionJobs;

/**
 * At start-up, restarts the collections a server that died left running, each from where its
 * instruments' last stored windows ended (on by default; {@code
 * tickerdesk.history.jobs.restart-on-startup}). It waits a few seconds after deployment, so the
 * batch runtime finds the application and its job whole; a collection started in those seconds is
 * this server's own, not a dead one's, and is left alone.
 *
 * <p>A member of a cluster leaves this to the leader ({@link CollectionDispatch}): a collection
 * running when it starts may be a live member's.
 */
@Singleton
@Startup
public class CollectionRecovery {

    static final long DELAY_MILLIS = 3000;

    private static final Logger LOG = Logger.getLogger(CollectionRecovery.class.getName());

    @Resource TimerService timers;

    @Inject CollectionJobs jobs;

    @Inject Leadership leadership;

    @Inject
    @ConfigProperty(name = "tickerdesk.history.jobs.restart-on-startup")
    boolean restartOnStartup;

    private Instant started;

    @PostConstruct
    void schedule() {
        started = Instant.now();
        if (restartOnStartup && !leadership.clustered()) {
            timers.createSingleActionTimer(
                    DELAY_MILLIS, new TimerConfig("collection recovery", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void recover() {
        int restarted = jobs.recover(started);
        if (restarted > 0) {
            LOG.info(() -> "Restarted " + restarted + " collections left running at the last stop");
        }
    }
}
