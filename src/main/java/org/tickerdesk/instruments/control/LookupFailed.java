package org.tickerdesk.instruments.control;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.tickerdesk.instruments.entity.ContractMatch;

/**
 * A lookup at the broker that gave no single contract to store; its message is for the user. It
 * rolls the catalog's transaction back, so a failed lookup leaves nothing behind.
 */
@ApplicationException(rollback = true)
public class LookupFailed extends RuntimeException {

    /** Why, so each way of failing can get its own answer (HTTP status, page message). */
    public enum Reason {
        /** No broker is configured to look anything up. */
        NOT_USED,
        /** The broker's connection is down. */
        NOT_CONNECTED,
        /** The broker did not answer in time. */
        TIMED_OUT,
        /** The broker knows no contract of that description. */
        NO_SUCH_INSTRUMENT,
        /** Several contracts fit; the query must say which. */
        AMBIGUOUS,
        /** The broker refused the request, or answered with a contract Tickerdesk cannot hold. */
        REFUSED
    }

    private final Reason reason;
    private final transient List<ContractMatch> matches;

    public LookupFailed(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public LookupFailed(Reason reason, String message, List<ContractMatch> matches) {
        super(message);
        this.reason = reason;
        this.matches = List.copyOf(matches);
    }

    public Reason reason() {
        return reason;
    }

    /** The candidates of an {@code AMBIGUOUS} lookup; empty otherwise. */
    public List<ContractMatch> matches() {
        return matches == null ? List.of() : matches;
    }
}
