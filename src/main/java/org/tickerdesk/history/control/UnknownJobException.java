package org.tickerdesk.history.control;

import org.tickerdesk.platform.control.ProblemException;

/** No collection has that id (any more: ended ones are deleted after the retention). */
public class UnknownJobException extends ProblemException {

    public UnknownJobException(long id) {
        this(Long.toString(id));
    }

    /** As the caller wrote it, also when it is no number at all. */
    public UnknownJobException(String id) {
        super(404, "unknown_job", "Unknown collection", "There is no collection " + id);
    }
}
