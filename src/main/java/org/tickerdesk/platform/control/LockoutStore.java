package org.tickerdesk.platform.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.tickerdesk.platform.entity.LoginFailures;
import org.tickerdesk.platform.entity.LoginLockout;

/**
 * Where {@link LoginThrottle} keeps its records, so that they outlive the process: PostgreSQL's
 * {@code login_lockouts}, one transaction per call.
 */
@Stateless
public class LockoutStore {

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject Clock clock;

    /** Every record, by subject ({@code user:<name>} or {@code address:<ip>}). */
    public Map<String, LoginFailures> all() {
        return em.createNamedQuery(LoginLockout.ALL, LoginLockout.class)
                .getResultStream()
                .collect(Collectors.toMap(LoginLockout::subject, LoginLockout::failures));
    }

    public void save(String subject, LoginFailures failures) {
        LoginLockout row = em.find(LoginLockout.class, subject);
        if (row == null) {
            row = new LoginLockout(subject);
            row.record(failures, clock.instant());
            em.persist(row);
        } else {
            row.record(failures, clock.instant());
        }
    }

    public void remove(String subject) {
        LoginLockout row = em.find(LoginLockout.class, subject);
        if (row != null) {
            em.remove(row);
        }
    }
}
