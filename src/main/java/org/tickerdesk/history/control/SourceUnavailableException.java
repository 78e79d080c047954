package org.tickerdesk.history.control;

/**
 * A source's failure that asking again later may cure (a timeout, a lost connection, pacing, HTTP
 * 5xx or 429), marked so that the window fetcher's retry policy picks it out.
 */
public class SourceUnavailableException extends HistoryFailureException {

    public SourceUnavailableException(HistoryFailureException failure) {
        super(failure.kind(), failure.getMessage());
    }
}
