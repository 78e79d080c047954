package org.tickerdesk.platform.control;

import java.util.Map;
import org.tickerdesk.platform.entity.LoginFailures;

/** Where {@link LoginThrottle} keeps its records, so that they outlive the process. */
public interface LockoutStore {

    /** Every record, by subject ({@code user:<name>} or {@code address:<ip>}). */
    Map<String, LoginFailures> all();

    void save(String subject, LoginFailures failures);

    void remove(String subject);
}
