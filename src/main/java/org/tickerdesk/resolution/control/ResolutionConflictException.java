package org.tickerdesk.resolution.control;

import org.tickerdesk.platform.control.ProblemException;

/**
 * The instrument was resolved at another value already (409 {@code resolution_conflict}); nothing
 * changed. A resolution is final: settled positions are not settled again at a second value.
 */
public class ResolutionConflictException extends ProblemException {

    public ResolutionConflictException(String message) {
        super(409, "resolution_conflict", "Resolved at another value", message);
    }
}
