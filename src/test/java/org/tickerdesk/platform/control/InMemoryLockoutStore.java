package org.tickerdesk.platform.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tickerdesk.platform.entity.LoginFailures;

/** The lock-out table as a map: what a restarted throttle finds is what the last one stored. */
class InMemoryLockoutStore extends LockoutStore {

    final Map<String, LoginFailures> rows = new ConcurrentHashMap<>();

    @Override
    public Map<String, LoginFailures> all() {
        return Map.copyOf(rows);
    }

    @Override
    public void save(String subject, LoginFailures failures) {
        rows.put(subject, failures);
    }

    @Override
    public void remove(String subject) {
        rows.remove(subject);
    }
}
