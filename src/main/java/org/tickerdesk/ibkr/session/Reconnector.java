package org.tickerdesk.ibkr.session;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Repeats a connection attempt until it succeeds, waiting by the {@link ReconnectPolicy} between
 * failures: forever, because a TWS restarted at night must be found again without a human. Only an
 * interrupt stops it.
 */
public final class Reconnector {

    private static final Logger LOG = Logger.getLogger(Reconnector.class.getName());

    /** Waits; tests pass one that only records. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One try at connecting; any exception is a failed attempt. */
    public interface Attempt {
        void connect() throws Exception;
    }

    private final ReconnectPolicy policy;
    private final Sleeper sleeper;

    public Reconnector(ReconnectPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * @return how many attempts failed before the one that succeeded
     */
    public int connect(Attempt attempt) throws InterruptedException {
        int failures = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("Reconnection stopped");
            }
            try {
                attempt.connect();
                return failures;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failures++;
                Duration wait = policy.delay(failures);
                LOG.log(
                        Level.WARNING,
                        "Connecting to TWS failed (attempt {0}): {1}; next try in {2} ms",
                        new Object[] {failures, e.getMessage(), wait.toMillis()});
                sleeper.sleep(wait);
            }
        }
    }
}
