package org.tickerdesk.platform.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.tickerdesk.platform.entity.LoginFailures;
import org.tickerdesk.platform.entity.LoginLockout;

/** Login records in PostgreSQL ({@code login_lockouts}), one transaction per call. */
@Stateless
public class DatabaseLockoutStore implements LockoutStore {

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Override
    public Map<String, LoginFailures> all() {
        return em.createNamedQuery(LoginLockout.ALL, LoginLockout.class)
                .getResultStream()
                .collect(Collectors.toMap(LoginLockout::subject, LoginLockout::failures));
    }

    @Override
    public void save(String subject, LoginFailures failures) {
        LoginLockout row = em.find(LoginLockout.class, subject);
        if (row == null) {
            row = new LoginLockout(subject);
            row.record(failures, Instant.now());
            em.persist(row);
        } else {
            row.record(failures, Instant.now());
        }
    }

    @Override
    public void remove(String subject) {
        LoginLockout row = em.find(LoginLockout.class, subject);
        if (row != null) {
            em.remove(row);
        }
    }
}
